package org.openamr.mbus;

/** The application data violates EN 13757-3 (e.g. too many DIF or VIF extensions). */
public final class MalformedDataException extends DecodeException {

    public MalformedDataException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "malformed";
    }
}
