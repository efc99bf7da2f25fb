package org.openamr.mbus.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TruncatedException;

/**
 * Finds frames in a byte stream that may carry noise: bytes are {@link #feed fed} as they arrive,
 * complete frames are taken with {@link #next()}. A byte that cannot start a valid frame, or a
 * candidate frame whose checksum or stop character is wrong, costs one discarded byte and the scan
 * resumes at the next byte, so a frame following noise is still found. Memory is bounded by one
 * maximal frame.
 *
 * <p>Not thread-safe: one assembler belongs to one reading loop.
 */
public final class FrameAssembler {

    private final byte[] buffer = new byte[FrameCodec.MAX_FRAME_LENGTH * 2];
    private int length;
    private long discarded;

    /** Appends received bytes. Call {@link #next()} until it is empty before feeding again. */
    public void feed(byte[] bytes, int offset, int count) {
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            if (length == buffer.length) {
                // The buffer holds two maximal frames and next() was not drained: the oldest half
                // cannot be part of a frame still to come, so it goes as noise.
                dropFront(FrameCodec.MAX_FRAME_LENGTH);
            }
            int n = Math.min(end - pos, buffer.length - length);
            System.arraycopy(bytes, pos, buffer, length, n);
            length += n;
            pos += n;
        }
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** The next complete valid frame, skipping noise; empty when more bytes are needed. */
    public Optional<Frame> next() {
        while (length > 0) {
            int frameLength;
            try {
                frameLength = FrameCodec.frameLength(buffer, 0, length);
            } catch (TruncatedException e) {
                return Optional.empty();
            } catch (DecodeException e) {
                dropFront(1);
                continue;
            }
            if (frameLength > length) {
                return Optional.empty();
            }
            try {
                Frame frame = FrameCodec.decodeComplete(buffer, 0);
                consume(frameLength);
                return Optional.of(frame);
            } catch (DecodeException e) {
                dropFront(1);
            }
        }
        return Optional.empty();
    }

    /**
     * The frames left in the pending bytes once the line has gone quiet. The bytes will not grow any more, so a
     * start that waits for more (noise that reads as a long frame's header, say {@code 68 FF FF 68}) is noise after
     * all, and a complete frame received behind it is found. Afterwards nothing is pending.
     */
    public List<Frame> atSilence() {
        List<Frame> frames = new ArrayList<>();
        while (length > 0) {
            Optional<Frame> f = next();
            if (f.isPresent()) {
                frames.add(f.get());
            } else if (length > 0) {
                dropFront(1);
            }
        }
        return frames;
    }

    /** Bytes skipped as noise since creation or {@link #reset()}. */
    public long discardedBytes() {
        return discarded;
    }

    /** Bytes received that are not yet part of a returned frame. */
    public int pendingBytes() {
        return length;
    }

    /** Forgets pending bytes and the discard count, e.g. before a new request. */
    public void reset() {
        length = 0;
        discarded = 0;
        Arrays.fill(buffer, (byte) 0);
    }

    private void dropFront(int n) {
        discarded += n;
        consume(n);
    }

    private void consume(int n) {
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }
}
