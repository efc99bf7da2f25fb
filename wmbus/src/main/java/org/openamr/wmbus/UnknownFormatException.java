package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;

/**
 * A compact frame (CI 0x79) whose format signature has not been learned yet: its values can only be
 * read after a full frame of the same meter with the same record layout was decoded.
 */
public final class UnknownFormatException extends DecodeException {

    public UnknownFormatException(String message, int offset) {
        super(message, offset);
    }

    @Override
    public String kind() {
        return "unknown-format";
    }
}
