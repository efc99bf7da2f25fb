package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;

/** A block CRC of the wireless link layer, or the ELL payload CRC, does not match: the telegram is damaged. */
public final class CrcException extends DecodeException {

    public CrcException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "crc";
    }
}
