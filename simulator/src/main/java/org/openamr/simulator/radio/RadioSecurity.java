package org.openamr.simulator.radio;

import java.util.Locale;

/** Which OMS security mode the meters of a radio simulation use. */
public enum RadioSecurity {
    /** Every meter: mode 5, AES-128-CBC with the IV from the header. */
    MODE_5("5"),
    /** Every meter: mode 7, AES-128-CBC with per-message keys, authenticated by the AFL's MAC. */
    MODE_7("7"),
    /** Mode 5 and mode 7 for every other meter. */
    MIXED("mixed");

    private final String text;

    RadioSecurity(String text) {
        this.text = text;
    }

    /** As on the command line: 5, 7 or mixed. */
    public String text() {
        return text;
    }

    /** The setting for {@code 5}, {@code 7} or {@code mixed}. */
    public static RadioSecurity parse(String text) {
        for (RadioSecurity s : values()) {
            if (s.text.equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("security is 5, 7 or mixed, got '" + text + "'");
    }

    /** The mode of the meter at {@code index} of the simulation. */
    int modeFor(int index) {
        return switch (this) {
            case MODE_5 -> 5;
            case MODE_7 -> 7;
            case MIXED -> index % 2 == 0 ? 5 : 7;
        };
    }
}
