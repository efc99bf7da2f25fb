package org.openamr.mbus;

/**
 * A telegram that cannot be decoded. Every failure of the decoders is one of the subclasses, each
 * naming its {@link #kind() kind} and the byte {@link #offset() offset} in the input where it was
 * found, so that a technician can tell a short frame from a bad checksum from an unknown format.
 *
 * <p>Not sealed: the wireless module adds its own kinds (CRC, wrong key).
 */
public abstract class DecodeException extends Exception {

    private final int offset;

    protected DecodeException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** A short machine-readable name of the failure, e.g. {@code truncated} or {@code checksum}. */
    public abstract String kind();

    /** Offset in the decoded input at which the problem was found, -1 when it concerns the whole input. */
    public int offset() {
        return offset;
    }

    /** One line for a person: kind, offset and reason. */
    public String describe() {
        return kind() + (offset >= 0 ? " at byte " + offset : "") + ": " + getMessage();
    }
}
