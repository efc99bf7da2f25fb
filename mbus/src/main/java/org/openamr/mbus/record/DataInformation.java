package org.openamr.mbus.record;

/**
 * A decoded data information block: DIF and its extensions (DIFE).
 *
 * <pre>
 * DIF : E S F F D D D D      E extension, S storage bit 0, FF function, DDDD data field
 * DIFE: E U T T S S S S      U subunit bit, TT tariff bits, SSSS storage bits; up to 10 DIFEs
 * </pre>
 *
 * {@code extensions} is the number of DIFEs on the wire: meters sometimes send more than the
 * values need (e.g. a trailing {@code 00}), and keeping the count makes encoding the exact inverse.
 *
 * @param storageNumber up to 41 bits
 * @param tariff        up to 20 bits
 * @param subunit       up to 10 bits (the device unit, e.g. a pulse input)
 */
public record DataInformation(DataField field, Function function, long storageNumber, int tariff, int subunit,
                              int extensions) {

    public static final int MAX_EXTENSIONS = 10;

    public DataInformation {
        if (field == DataField.SPECIAL) {
            throw new IllegalArgumentException("special DIFs (0x0F, 0x1F, 0x2F, 0x7F) are not data records");
        }
        if (extensions < minimumExtensions(storageNumber, tariff, subunit) || extensions > MAX_EXTENSIONS) {
            throw new IllegalArgumentException("storage " + storageNumber + ", tariff " + tariff + ", subunit "
                    + subunit + " cannot be coded with " + extensions + " DIFEs");
        }
    }

    /** A DIB with the fewest DIFEs that can hold these numbers. */
    public static DataInformation of(DataField field, Function function, long storageNumber, int tariff,
            int subunit) {
        return new DataInformation(field, function, storageNumber, tariff, subunit,
                minimumExtensions(storageNumber, tariff, subunit));
    }

    /** Bytes on the wire: the DIF plus its DIFEs. */
    public int encodedLength() {
        return 1 + extensions;
    }

    public byte[] encode() {
        byte[] out = new byte[encodedLength()];
        int dif = field.code() | function.code() << 4 | (int) (storageNumber & 1) << 6;
        out[0] = (byte) (dif | (extensions > 0 ? 0x80 : 0));
        for (int i = 0; i < extensions; i++) {
            int dife = (int) ((storageNumber >>> (1 + 4 * i)) & 0x0F)
                    | ((tariff >>> (2 * i)) & 0x03) << 4
                    | ((subunit >>> i) & 0x01) << 6;
            out[1 + i] = (byte) (dife | (i < extensions - 1 ? 0x80 : 0));
        }
        return out;
    }

    static int minimumExtensions(long storage, int tariff, int subunit) {
        if (storage < 0 || tariff < 0 || subunit < 0) {
            return Integer.MAX_VALUE;
        }
        int forStorage = (64 - Long.numberOfLeadingZeros(storage >>> 1) + 3) / 4;
        int forTariff = (32 - Integer.numberOfLeadingZeros(tariff) + 1) / 2;
        int forSubunit = 32 - Integer.numberOfLeadingZeros(subunit);
        return Math.max(forStorage, Math.max(forTariff, forSubunit));
    }
}
