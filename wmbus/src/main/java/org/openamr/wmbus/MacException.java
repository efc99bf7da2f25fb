package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;

/**
 * The AFL message authentication code does not match although the key decrypts the payload to a
 * valid 2F2F marker: the telegram was altered after it was sent, or its MAC is computed differently.
 * A wrong key gives {@link WrongKeyException} instead.
 */
public final class MacException extends DecodeException {

    public MacException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "mac";
    }
}
