package org.openamr.mbus.app;

/**
 * The 12-byte header of CI 0x72 / 0x76 (and the wireless long header).
 *
 * <pre>id0 id1 id2 id3 (BCD)  man0 man1  version  medium  access  status  sig0 sig1</pre>
 *
 * @param id           the identification number as printed on the meter, 8 digits
 * @param manufacturer the 16-bit manufacturer field; letters via {@link #manufacturerLetters()}
 * @param signature    configuration field: bits 8–12 are the security (encryption) mode
 */
public record LongHeader(String id, int manufacturer, int version, int medium, int accessNumber,
                         StatusByte status, int signature) implements Header {

    public static final int LENGTH = 12;

    public String manufacturerLetters() {
        return ManufacturerCode.decode(manufacturer);
    }

    public Medium mediumType() {
        return Medium.of(medium);
    }

    /** The secondary address this meter answers to. */
    public SecondaryAddress secondaryAddress() {
        return new SecondaryAddress(id, manufacturer, version, medium);
    }

    /** Security mode from the configuration field (0 = not encrypted, 5 = AES-CBC …). */
    public int securityMode() {
        return (signature >> 8) & 0x1F;
    }
}
