package org.openamr.simulator.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Hash;

/**
 * The slaves of a segment and who a master frame reaches (EN 13757-2/-3): a primary address the slaves that
 * have it, 253 the slaves selected by secondary address, 254 and 255 every slave. Keeps which slaves are selected:
 * a selection (CI 0x52) selects every slave its mask matches and deselects every other one; SND_NKE to 253
 * deselects. Not thread-safe: guarded by the {@link VirtualBus}, which handles one frame at a time.
 */
final class BusSlaves {

    private final long seed;
    private final int defaultBaud;
    private final List<SlaveLink> links = new ArrayList<>();

    BusSlaves(long seed, int defaultBaud) {
        this.seed = seed;
        this.defaultBaud = defaultBaud;
    }

    /** The slaves a frame to this address reaches, in the order they were connected. */
    List<SlaveLink> addressed(int address) {
        List<SlaveLink> out = new ArrayList<>();
        for (SlaveLink l : links) {
            boolean addressed = Address.isPrimary(address) ? l.meter.primaryAddress() == address
                    : address == Address.NETWORK_LAYER ? l.selected
                    : address == Address.BROADCAST_WITH_REPLY || address == Address.BROADCAST_NO_REPLY;
            if (addressed) {
                out.add(l);
            }
        }
        return out;
    }

    /** Whether a selection sent to this address is one the slaves take (253, or a broadcast). */
    static boolean selectsAt(int address) {
        return address == Address.NETWORK_LAYER || address == Address.BROADCAST_WITH_REPLY
                || address == Address.BROADCAST_NO_REPLY;
    }

    /** Selects the slaves the mask matches, deselects every other one; the selected ones. */
    List<SlaveLink> select(SecondaryAddress mask) {
        List<SlaveLink> matching = new ArrayList<>();
        for (SlaveLink l : links) {
            l.selected = mask.matches(l.meter.secondaryAddress());
            if (l.selected) {
                matching.add(l);
            }
        }
        return matching;
    }

    static void deselect(List<SlaveLink> slaves) {
        slaves.forEach(l -> l.selected = false);
    }

    List<VirtualMeter> meters() {
        return links.stream().map(l -> l.meter).toList();
    }

    List<MeterInfo> infos() {
        return links.stream().map(l -> new MeterInfo(l.meter.secondaryAddress(), l.meter.primaryAddress(),
                l.meter.type(), l.baud)).toList();
    }

    /** Connects a meter (secondary addresses must be unique; primary ones need not be). */
    void add(VirtualMeter meter) {
        if (link(meter.secondaryAddress()).isPresent()) {
            throw new IllegalArgumentException("a meter " + meter.secondaryAddress() + " is already on the bus");
        }
        int access = (int) Hash.of(seed, Hash.of(meter.secondaryAddress().toString()), 50) & 0xFF;
        links.add(new SlaveLink(meter, access, defaultBaud));
    }

    boolean remove(SecondaryAddress address) {
        return links.removeIf(l -> l.meter.secondaryAddress().equals(address));
    }

    Optional<SlaveLink> link(SecondaryAddress address) {
        return links.stream().filter(l -> l.meter.secondaryAddress().equals(address)).findFirst();
    }
}
