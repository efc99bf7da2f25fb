package org.openamr.wmbus.receiver;

import java.util.Arrays;
import java.util.Optional;

/**
 * Frames out of a byte stream, as it arrives: bytes are {@link #feed fed} in any pieces (a serial
 * port or a socket delivers partial frames), then {@link #next()} is called until it is empty.
 * Noise before a start byte, a bad checksum or a malformed header become a {@link Deframed.Skipped}
 * with the reason, and the scan goes on after it, so one damaged frame never hides the next.
 * Memory is bounded: a subclass names its largest frame, and pending bytes never exceed twice that.
 *
 * <p>Subclasses only look at the pending bytes ({@link #scan}); framing is kept apart from
 * decoding the messages inside. Not thread-safe: one deframer belongs to one reading loop.
 */
public abstract class Deframer<T> {

    /** What {@link #scan} found at the start of the pending bytes. */
    public sealed interface Step<T> {
    }

    /** The pending bytes are the start of a frame that is not complete yet. */
    public record NeedMore<T>() implements Step<T> {
    }

    /** The first {@code length} pending bytes are {@code frame}. */
    public record Take<T>(int length, T frame) implements Step<T> {
    }

    /** The first {@code length} pending bytes are dropped. */
    public record Drop<T>(int length, SkipReason reason, String detail) implements Step<T> {
    }

    /** The first {@code length} pending bytes carry nothing to report (a comment line, a blank line). */
    public record Pass<T>(int length) implements Step<T> {
    }

    private final int maxFrame;
    private byte[] buffer = new byte[64];
    private int length;
    private long skipped;

    /** @param maxFrame the longest frame the format allows, in bytes */
    protected Deframer(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    public final void feed(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    public final void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** The next frame or skip; empty when more bytes are needed. */
    public final Optional<Deframed<T>> next() {
        while (length > 0) {
            Step<T> step = scan(buffer, length);
            if (step instanceof NeedMore<T>) {
                if (length <= 2 * maxFrame) {
                    compact();
                    return Optional.empty();
                }
                // A frame cannot be longer than maxFrame: what is pending beyond it is no frame.
                step = new Drop<>(length, SkipReason.OVERSIZED, length + " bytes without a complete frame (the"
                        + " longest is " + maxFrame + ")");
            }
            Optional<Deframed<T>> result = consume(step);
            if (result.isPresent()) {
                return result;
            }
        }
        return Optional.empty();
    }

    /**
     * The input has ended: what is pending becomes a last frame or skip ({@link #scanAtEnd}); empty
     * when nothing is pending. Call it until empty.
     */
    public final Optional<Deframed<T>> finish() {
        Optional<Deframed<T>> n = next();
        while (n.isEmpty() && length > 0) {
            n = consume(scanAtEnd(buffer, length));
        }
        return n;
    }

    /** Bytes received and not yet returned in a frame or skip. */
    public final int pendingBytes() {
        return length;
    }

    /** Bytes dropped since creation. */
    public final long skippedBytes() {
        return skipped;
    }

    /**
     * Looks at the {@code length} pending bytes from index 0 and says what they start with. A Take or
     * Drop must consume at least one byte.
     */
    protected abstract Step<T> scan(byte[] pending, int length);

    /** At the end of input, pending bytes that {@link #scan} could not complete: dropped as truncated by default. */
    protected Step<T> scanAtEnd(byte[] pending, int length) {
        return new Drop<>(length, SkipReason.TRUNCATED, "the input ended inside a frame");
    }

    private Optional<Deframed<T>> consume(Step<T> step) {
        Optional<Deframed<T>> result;
        int n;
        if (step instanceof Take<T> t) {
            n = t.length();
            result = Optional.of(new Deframed.Frame<>(t.frame(), n));
        } else if (step instanceof Drop<T> d) {
            n = d.length();
            skipped += n;
            result = Optional.of(new Deframed.Skipped<>(n, d.reason(), d.detail()));
        } else if (step instanceof Pass<T> p) {
            n = p.length();
            result = Optional.empty();
        } else {
            throw new IllegalStateException("scanAtEnd must take or drop the pending bytes");
        }
        if (n <= 0 || n > length) {
            throw new IllegalStateException("a step must consume 1.." + length + " bytes, not " + n);
        }
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
        return result;
    }

    /** Gives back memory after a burst, so that a long session does not keep its largest buffer. */
    private void compact() {
        if (buffer.length > 4 * maxFrame && length < maxFrame) {
            buffer = Arrays.copyOf(buffer, 2 * maxFrame);
        }
    }

    /** Index of the first {@code start} byte at or after {@code from}, or {@code length} when none. */
    protected static int indexOf(byte[] pending, int from, int length, int start) {
        for (int i = from; i < length; i++) {
            if ((pending[i] & 0xFF) == start) {
                return i;
            }
        }
        return length;
    }
}
