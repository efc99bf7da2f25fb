package org.openamr.gateway.meters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.channel.WiredMeterAddress;
import org.openamr.gateway.layout.Layout;
import org.openamr.mbus.app.SecondaryAddress;

/**
 * The meters a gateway serves, each in its slot. Immutable; slots only ever grow: a meter added gets
 * the slot after the highest one, and no meter leaves its slot.
 */
public record MeterList(List<MeterEntry> entries) {

    public MeterList {
        entries = entries.stream().sorted(Comparator.comparingInt(MeterEntry::slot)).toList();
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).slot() == entries.get(i - 1).slot()) {
                throw new IllegalArgumentException("slot " + entries.get(i).slot() + " is given twice");
            }
        }
    }

    public static final MeterList EMPTY = new MeterList(List.of());

    /** The highest slot in use, 0 for none: the gateway serves the blocks of slots 1 up to it. */
    public int highestSlot() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).slot();
    }

    public Optional<MeterEntry> inSlot(int slot) {
        return entries.stream().filter(e -> e.slot() == slot).findFirst();
    }

    /** True when some entry's address is {@code address} or a mask that selects it. */
    public boolean covers(SecondaryAddress address) {
        return entries.stream().anyMatch(e -> e.address().secondary() != null && e.address().secondary().matches(address));
    }

    /**
     * This list with {@code address} in the slot after the highest one.
     *
     * @throws IllegalStateException when every slot up to {@link Layout#MAX_SLOTS} is taken
     */
    public MeterList append(WiredMeterAddress address, String note) {
        int slot = highestSlot() + 1;
        if (slot > Layout.MAX_SLOTS) {
            throw new IllegalStateException("no slot left for meter " + address + ": slots 1.." + Layout.MAX_SLOTS
                    + " are taken");
        }
        List<MeterEntry> list = new ArrayList<>(entries);
        list.add(new MeterEntry(slot, address, note));
        return new MeterList(list);
    }
}
