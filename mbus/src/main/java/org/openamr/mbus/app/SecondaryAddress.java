package org.openamr.mbus.app;

import java.util.Locale;
import org.openamr.mbus.value.DataTypes;

/**
 * The 8-byte secondary address used for selection (CI 0x52): identification number, manufacturer,
 * version and device type. For selection masks each digit of the id may be the wildcard F, and the
 * other fields may be the wildcard 0xFF (0xFFFF for the manufacturer).
 *
 * <pre>id0 id1 id2 id3 (BCD, LSB first)  man0 man1  version  medium</pre>
 *
 * Text form, as libmbus and most tools write it: 16 hex digits {@code IIIIIIIIMMMMVVDD}, e.g.
 * {@code 41494068D3102F04}.
 *
 * @param id           8 characters 0–9 or wildcard F (A–E only as a damaged meter sends them)
 * @param manufacturer the 16-bit manufacturer field, 0xFFFF = any
 * @param version      0xFF = any
 * @param medium       device type byte, 0xFF = any
 */
public record SecondaryAddress(String id, int manufacturer, int version, int medium) {

    public static final int ANY_MANUFACTURER = 0xFFFF;
    public static final int ANY = 0xFF;
    public static final SecondaryAddress WILDCARD = new SecondaryAddress("FFFFFFFF", ANY_MANUFACTURER, ANY, ANY);

    public SecondaryAddress {
        id = id.toUpperCase(Locale.ROOT);
        if (!id.matches("[0-9A-F]{8}")) {
            throw new IllegalArgumentException("secondary id must be 8 digits 0-9 or wildcard F, got '" + id + "'");
        }
        if (manufacturer < 0 || manufacturer > 0xFFFF || version < 0 || version > 0xFF || medium < 0 || medium > 0xFF) {
            throw new IllegalArgumentException("manufacturer, version or medium out of range");
        }
    }

    /** A fully specified address of a meter. */
    public static SecondaryAddress of(String id, String manufacturer, int version, int medium) {
        return new SecondaryAddress(id, ManufacturerCode.encode(manufacturer), version, medium);
    }

    /** Parses the 16-hex-digit text form; wildcards F allowed. */
    public static SecondaryAddress parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (!t.matches("[0-9A-F]{16}")) {
            throw new IllegalArgumentException("secondary address must be 16 hex digits (IIIIIIIIMMMMVVDD), got '"
                    + text + "'");
        }
        int man = Integer.parseInt(t.substring(8, 12), 16);
        // The text form writes the manufacturer as it appears on the wire (LSB first).
        man = (man & 0xFF) << 8 | man >> 8;
        return new SecondaryAddress(t.substring(0, 8), man, Integer.parseInt(t.substring(12, 14), 16),
                Integer.parseInt(t.substring(14, 16), 16));
    }

    public static SecondaryAddress decode(byte[] b, int off) {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 3; i >= 0; i--) {
            sb.append(Character.toUpperCase(Character.forDigit((b[off + i] >> 4) & 0x0F, 16)))
              .append(Character.toUpperCase(Character.forDigit(b[off + i] & 0x0F, 16)));
        }
        String id = sb.toString();
        return new SecondaryAddress(id, (int) DataTypes.unsignedInteger(b, off + 4, 2), b[off + 6] & 0xFF,
                b[off + 7] & 0xFF);
    }

    public byte[] encode() {
        byte[] out = new byte[8];
        for (int i = 0; i < 4; i++) {
            int hi = Character.digit(id.charAt(6 - 2 * i), 16);
            int lo = Character.digit(id.charAt(7 - 2 * i), 16);
            out[i] = (byte) (hi << 4 | lo);
        }
        out[4] = (byte) manufacturer;
        out[5] = (byte) (manufacturer >> 8);
        out[6] = (byte) version;
        out[7] = (byte) medium;
        return out;
    }

    public boolean isWildcard() {
        return id.indexOf('F') >= 0 || manufacturer == ANY_MANUFACTURER || version == ANY || medium == ANY;
    }

    /** True when this (possibly wildcarded) mask selects the fully specified {@code address}. */
    public boolean matches(SecondaryAddress address) {
        for (int i = 0; i < 8; i++) {
            char c = id.charAt(i);
            if (c != 'F' && c != address.id.charAt(i)) {
                return false;
            }
        }
        return (manufacturer == ANY_MANUFACTURER || manufacturer == address.manufacturer)
                && (version == ANY || version == address.version)
                && (medium == ANY || medium == address.medium);
    }

    public String manufacturerLetters() {
        return manufacturer == ANY_MANUFACTURER ? "***" : ManufacturerCode.decode(manufacturer);
    }

    @Override
    public String toString() {
        return "%s%02X%02X%02X%02X".formatted(id, manufacturer & 0xFF, manufacturer >> 8, version, medium);
    }
}
