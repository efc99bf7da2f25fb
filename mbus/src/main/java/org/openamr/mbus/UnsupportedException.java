package org.openamr.mbus;

/** Well-formed input in a format this library does not decode (e.g. an unknown CI field or encrypted payload). */
public final class UnsupportedException extends DecodeException {

    public UnsupportedException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "unsupported";
    }
}
