package org.openamr.mbus.record;

import java.util.Locale;

/** The function field of a DIF (bits 4–5). */
public enum Function {
    INSTANTANEOUS, MAXIMUM, MINIMUM,
    /** A value during an error state: often a frozen or filler value, see the record's value. */
    ERROR;

    public static Function of(int dif) {
        return values()[(dif >> 4) & 0x03];
    }

    public int code() {
        return ordinal();
    }

    /** Name in the JSON contract: instantaneous, maximum, minimum, error. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
