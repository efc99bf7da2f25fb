package org.openamr.modbus.map;

import java.util.Optional;

/**
 * How a value sits in the registers. {@link #spelling()} is what a map file writes.
 *
 * <pre>
 * int16, uint16   one register, two's complement or unsigned
 * int32, uint32   two registers, word order given by the map (big: high word at the lower address)
 * float32         two registers holding IEEE 754 single precision bits, word order as above
 * bcd16           one register, four decimal digits, most significant nibble first (0x1234 = 1234)
 * bcd32           two registers, eight decimal digits, word order as above
 * bit             one coil or discrete input, 0 or 1
 * </pre>
 */
public enum DataType {
    INT16("int16", 1),
    UINT16("uint16", 1),
    INT32("int32", 2),
    UINT32("uint32", 2),
    FLOAT32("float32", 2),
    BCD16("bcd16", 1),
    BCD32("bcd32", 2),
    BIT("bit", 1);

    private final String spelling;
    private final int words;

    DataType(String spelling, int words) {
        this.spelling = spelling;
        this.words = words;
    }

    public String spelling() {
        return spelling;
    }

    /** How many consecutive addresses the value takes: registers, or one bit for {@link #BIT}. */
    public int words() {
        return words;
    }

    /** True for the two-register types, the only ones a word order applies to. */
    public boolean hasWordOrder() {
        return words == 2;
    }

    public static Optional<DataType> bySpelling(String s) {
        for (DataType t : values()) {
            if (t.spelling.equals(s)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
