package org.openamr.wmbus.receiver;

/** Why a deframer dropped bytes instead of returning a frame. */
public enum SkipReason {
    /** Bytes before a start byte: line noise, a receiver's boot text, the tail of a broken frame. */
    GARBAGE("garbage"),
    /** A frame whose checksum or CRC does not match: its start byte is dropped and the scan goes on. */
    CHECKSUM("checksum"),
    /** A frame or line whose fields cannot be what the format allows. */
    MALFORMED("malformed"),
    /** The input ended inside a frame. */
    TRUNCATED("truncated"),
    /** A frame or line longer than the format allows. */
    OVERSIZED("oversized");

    private final String jsonName;

    SkipReason(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
