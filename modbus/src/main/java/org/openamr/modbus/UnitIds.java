package org.openamr.modbus;

/**
 * The unit ids (slave addresses) a Modbus device may have: 1–247. 0 is the serial line's broadcast,
 * which no slave answers, and 248–255 are reserved by the Modbus serial line specification.
 */
public final class UnitIds {

    public static final int FIRST = 1;
    public static final int LAST = 247;

    private UnitIds() {
    }

    public static boolean valid(int unit) {
        return unit >= FIRST && unit <= LAST;
    }
}
