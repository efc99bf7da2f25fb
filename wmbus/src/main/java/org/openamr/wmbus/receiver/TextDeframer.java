package org.openamr.wmbus.receiver;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Lines of a text format out of a byte stream (a pipe, a socket, a file): a line ends with LF (a CR
 * before it is dropped), the last line may end with the input. Each line goes through a
 * {@link LineParser}; a line it refuses becomes a {@link SkipReason#MALFORMED} skip naming the line
 * number, a line it ignores (a comment) is consumed silently.
 */
public final class TextDeframer<T> extends Deframer<T> {

    /** One line to one value. */
    @FunctionalInterface
    public interface LineParser<T> {
        /** The line's value; empty for a line that carries none (blank, comment). */
        Optional<T> parse(String line) throws LineFormatException;
    }

    private final LineParser<T> parser;
    private final int maxLine;
    private long lines;
    private boolean inLongLine;

    /** @param maxLine the longest line the format allows, in bytes without its end */
    public TextDeframer(LineParser<T> parser, int maxLine) {
        super(maxLine + 2);
        this.parser = parser;
        this.maxLine = maxLine;
    }

    /** Lines seen so far (the number of the last line returned or skipped). */
    public long lines() {
        return lines;
    }

    @Override
    protected Step<T> scan(byte[] pending, int length) {
        int end = indexOf(pending, 0, length, '\n');
        if (inLongLine) {
            // The rest of a line already reported as too long.
            inLongLine = end == length;
            return new Pass<>(Math.min(end + 1, length));
        }
        if (end == length) {
            return length > maxLine + 1 ? tooLong(length) : new NeedMore<>();
        }
        return line(pending, end, end + 1);
    }

    @Override
    protected Step<T> scanAtEnd(byte[] pending, int length) {
        if (inLongLine) {
            inLongLine = false;
            return new Pass<>(length);
        }
        return line(pending, length, length);
    }

    private Step<T> line(byte[] pending, int end, int consumed) {
        lines++;
        int textEnd = end > 0 && pending[end - 1] == '\r' ? end - 1 : end;
        if (textEnd > maxLine) {
            return new Drop<>(consumed, SkipReason.OVERSIZED, "line " + lines + " has " + textEnd
                    + " characters, more than the " + maxLine + " a line may have");
        }
        String text = new String(pending, 0, textEnd, StandardCharsets.UTF_8);
        try {
            Optional<T> value = parser.parse(text);
            return value.isPresent() ? new Take<>(consumed, value.get()) : new Pass<>(consumed);
        } catch (LineFormatException e) {
            return new Drop<>(consumed, SkipReason.MALFORMED, "line " + lines + ": " + e.getMessage());
        }
    }

    /** A line without end beyond the limit: reported now, its rest up to the next LF dropped silently. */
    private Step<T> tooLong(int length) {
        lines++;
        inLongLine = true;
        return new Drop<>(length, SkipReason.OVERSIZED, "line " + lines + " is longer than the " + maxLine
                + " characters a line may have");
    }
}
