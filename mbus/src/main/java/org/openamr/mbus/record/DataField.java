package org.openamr.mbus.record;

/** The data field of a DIF (bits 0–3): how the value is coded and how many bytes it takes. */
public enum DataField {
    NONE(0x0, 0),
    INT8(0x1, 1),
    INT16(0x2, 2),
    INT24(0x3, 3),
    INT32(0x4, 4),
    REAL32(0x5, 4),
    INT48(0x6, 6),
    INT64(0x7, 8),
    SELECTION(0x8, 0),
    BCD2(0x9, 1),
    BCD4(0xA, 2),
    BCD6(0xB, 3),
    BCD8(0xC, 4),
    /** Length given by the LVAR byte that precedes the data. */
    VARIABLE(0xD, -1),
    BCD12(0xE, 6),
    /** 0x?F: special functions, never a value of its own. */
    SPECIAL(0xF, 0);

    private final int code;
    private final int length;

    DataField(int code, int length) {
        this.code = code;
        this.length = length;
    }

    public int code() {
        return code;
    }

    /** Bytes of data, -1 for variable length. */
    public int length() {
        return length;
    }

    public boolean isBcd() {
        return this == BCD2 || this == BCD4 || this == BCD6 || this == BCD8 || this == BCD12;
    }

    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT24 || this == INT32 || this == INT48 || this == INT64;
    }

    public static DataField of(int code) {
        return values()[code & 0x0F];
    }
}
