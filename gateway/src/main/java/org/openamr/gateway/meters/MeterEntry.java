package org.openamr.gateway.meters;

import java.util.Objects;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.gateway.layout.Layout;

/**
 * One line of the meter file: the slot whose registers the meter has, how it is addressed on the bus,
 * and the user's comment on that line ("" for none), kept when the gateway rewrites the file.
 */
public record MeterEntry(int slot, WiredMeterAddress address, String note) {

    public MeterEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(note, "note");
        if (slot < 1 || slot > Layout.MAX_SLOTS) {
            throw new IllegalArgumentException("slot " + slot + " is outside 1.." + Layout.MAX_SLOTS);
        }
    }
}
