package org.openamr.mbus;

/** A link-layer checksum does not match the bytes it covers. */
public final class ChecksumException extends DecodeException {

    public ChecksumException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "checksum";
    }
}
