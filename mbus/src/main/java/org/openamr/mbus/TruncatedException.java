package org.openamr.mbus;

/** The input ends before the structure it announces is complete. */
public final class TruncatedException extends DecodeException {

    public TruncatedException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "truncated";
    }
}
