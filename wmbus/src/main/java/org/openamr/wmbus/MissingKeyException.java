package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;

/** The payload is encrypted and no key is known for the meter (nor a public default of its manufacturer). */
public final class MissingKeyException extends DecodeException {

    public MissingKeyException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "missing-key";
    }
}
