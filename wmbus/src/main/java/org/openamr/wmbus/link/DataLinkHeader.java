package org.openamr.wmbus.link;

import java.util.Arrays;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.mbus.app.Medium;

/**
 * The data link layer header of a wireless telegram (EN 13757-4), block 1:
 *
 * <pre>L  C  M0 M1  id0 id1 id2 id3  version  type</pre>
 *
 * M is the manufacturer field (little-endian, three letters as in {@link ManufacturerCode}); the
 * A-field is the meter's id (BCD, least significant byte first), version and device type.
 *
 * @param id       the identification number as printed on the meter: the 8 hex digits of the BCD
 *                 field, so that a damaged field shows what it holds
 * @param rawField the 8 bytes M0 M1 id0 … type as received, the "M-field and A-field" that the
 *                 security modes put into their initialisation vectors
 */
public record DataLinkHeader(int length, int control, int manufacturer, String id, int version, int deviceType,
                             byte[] rawField) {

    /** SND-NR: a meter sends without expecting an answer (the usual T1/C1 telegram). */
    public static final int SND_NR = 0x44;
    /** SND-IR: installation request. */
    public static final int SND_IR = 0x46;

    public DataLinkHeader {
        rawField = rawField.clone();
    }

    /** Reads block 1 of a frame without CRCs. */
    public static DataLinkHeader decode(byte[] f) {
        int m = (f[2] & 0xFF) | (f[3] & 0xFF) << 8;
        String id = "%02X%02X%02X%02X".formatted(f[7] & 0xFF, f[6] & 0xFF, f[5] & 0xFF, f[4] & 0xFF);
        return new DataLinkHeader(f[0] & 0xFF, f[1] & 0xFF, m, id, f[8] & 0xFF, f[9] & 0xFF, Arrays.copyOfRange(f, 2, 10));
    }

    @Override
    public byte[] rawField() {
        return rawField.clone();
    }

    public String manufacturerLetters() {
        return ManufacturerCode.decode(manufacturer);
    }

    public Medium medium() {
        return Medium.of(deviceType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataLinkHeader h && h.length == length && h.control == control
                && Arrays.equals(h.rawField, rawField);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rawField) * 31 + control;
    }

    @Override
    public String toString() {
        return "DataLinkHeader[L=%d, C=%02X, %s %s v%d type %02X]".formatted(length, control, manufacturerLetters(), id,
                version, deviceType);
    }
}
