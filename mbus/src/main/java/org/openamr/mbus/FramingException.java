package org.openamr.mbus;

/** Start, length or stop characters do not form a valid frame. */
public final class FramingException extends DecodeException {

    public FramingException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "framing";
    }
}
