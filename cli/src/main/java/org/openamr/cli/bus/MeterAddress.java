package org.openamr.cli.bus;

import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;

/** A meter as a user names it: a primary address (0–250), an 8-digit id, or a 16-hex-digit secondary address. */
record MeterAddress(Integer primary, SecondaryAddress secondary) {

    static MeterAddress parse(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,3}")) {
            return new MeterAddress(Address.requirePrimary(Integer.parseInt(t)), null);
        }
        if (t.matches("\\d{8}")) {
            return new MeterAddress(null, new SecondaryAddress(t, SecondaryAddress.ANY_MANUFACTURER,
                    SecondaryAddress.ANY, SecondaryAddress.ANY));
        }
        if (t.matches("[0-9A-Fa-f]{16}")) {
            return new MeterAddress(null, SecondaryAddress.parse(t));
        }
        throw new IllegalArgumentException("'" + text + "' is neither a primary address (" + Address.UNCONFIGURED + "-" + Address.MAX_PRIMARY
                + "), an 8-digit id"
                + " nor a 16-hex-digit secondary address");
    }
}
