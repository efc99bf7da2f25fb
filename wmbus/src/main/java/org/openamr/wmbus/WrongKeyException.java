package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;

/**
 * A key was given (or a public default applied) but the check after decryption failed: the 2F2F
 * marker (security mode 5/7), the AFL MAC (mode 7), the ELL payload CRC (AES-CTR) or the PRIOS
 * checksum. The message names the check; it never contains key material.
 */
public final class WrongKeyException extends DecodeException {

    public WrongKeyException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "wrong-key";
    }
}
