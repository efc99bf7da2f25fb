package org.openamr.mbus.app;

/**
 * The 4-byte header of CI 0x7A: the meter's address is in the link layer.
 *
 * <pre>access  status  sig0 sig1</pre>
 */
public record ShortHeader(int accessNumber, StatusByte status, int signature) implements Header {

    public static final int LENGTH = 4;

    public int securityMode() {
        return (signature >> 8) & 0x1F;
    }
}
