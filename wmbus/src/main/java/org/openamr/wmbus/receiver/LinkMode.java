package org.openamr.wmbus.receiver;

import java.util.Locale;

/**
 * The wireless M-Bus modes a receiver listens in (EN 13757-4): meters in the field send in S1
 * (stationary), T1 (frequent transmit, the common walk-by and fixed-network mode) or C1 (compact,
 * the newer fixed-network mode).
 */
public enum LinkMode {
    S1, T1, C1;

    /** {@code s1}, {@code T1} …; the message names what is accepted. */
    public static LinkMode parse(String text) {
        for (LinkMode m : values()) {
            if (m.name().equalsIgnoreCase(text.strip())) {
                return m;
            }
        }
        throw new IllegalArgumentException("link mode '" + text + "' is not one of s1, t1, c1");
    }

    /** Lower case, as typed on the command line and written in JSON. */
    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
