package org.openamr.wmbus.link;

/** How the link layer carried the telegram's CRCs (EN 13757-4 §5.5). */
public enum FrameFormat {
    /** Format A: a CRC after the first 10-byte block and after every further block of 16 bytes; L excludes CRCs. */
    A("A"),
    /** Format B: one CRC after the first 126 bytes (block 1 and 2) and one after block 3; L includes CRCs. */
    B("B"),
    /** The receiver already checked and removed the CRCs (what most dongles and logs deliver). */
    NO_CRC("none");

    private final String jsonName;

    FrameFormat(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
