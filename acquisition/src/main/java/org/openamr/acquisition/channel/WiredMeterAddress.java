package org.openamr.acquisition.channel;

import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterException;
import org.openamr.mbus.master.Readout;

/**
 * A meter on a wired bus as a user names it: a primary address (0–250), an 8-digit id, or a
 * 16-hex-digit secondary address. Exactly one of {@code primary} and {@code secondary} is set.
 */
public record WiredMeterAddress(Integer primary, SecondaryAddress secondary) {

    public WiredMeterAddress {
        if ((primary == null) == (secondary == null)) {
            throw new IllegalArgumentException("a meter address is either primary or secondary");
        }
    }

    /** @throws IllegalArgumentException naming the text and the three forms that are understood */
    public static WiredMeterAddress parse(String text) {
        String t = text.trim();
        if (t.matches("\\d{1,3}")) {
            return new WiredMeterAddress(Address.requirePrimary(Integer.parseInt(t)), null);
        }
        if (t.matches("\\d{8}")) {
            return new WiredMeterAddress(null, new SecondaryAddress(t, SecondaryAddress.ANY_MANUFACTURER,
                    SecondaryAddress.ANY, SecondaryAddress.ANY));
        }
        if (t.matches("[0-9A-Fa-f]{16}")) {
            return new WiredMeterAddress(null, SecondaryAddress.parse(t));
        }
        throw new IllegalArgumentException("'" + text + "' is neither a primary address (" + Address.UNCONFIGURED + "-"
                + Address.MAX_PRIMARY + "), an 8-digit id nor a 16-hex-digit secondary address");
    }

    public static WiredMeterAddress of(SecondaryAddress secondary) {
        return new WiredMeterAddress(null, secondary);
    }

    /** Every telegram of the meter, by the master's read for this kind of address. */
    public Readout readWith(MBusMaster master) throws MasterException {
        return primary != null ? master.read(primary) : master.read(secondary);
    }

    /** The text {@link #parse} reads back: the primary address, or the secondary one (an id alone as 8 digits). */
    @Override
    public String toString() {
        if (primary != null) {
            return primary.toString();
        }
        boolean idOnly = secondary.manufacturer() == SecondaryAddress.ANY_MANUFACTURER
                && secondary.version() == SecondaryAddress.ANY && secondary.medium() == SecondaryAddress.ANY
                && secondary.id().chars().allMatch(Character::isDigit);
        return idOnly ? secondary.id() : secondary.toString();
    }
}
