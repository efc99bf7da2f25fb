package org.openamr.simulator.bus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.model.Household;

/**
 * The meters a {@link VirtualBus.Builder} puts on a segment, in order: the demo meters, the meters given by
 * identity, then the house meters, each summing apartment meters of the segment named by id. Secondary addresses
 * are unique on a segment.
 */
final class SegmentMeters {

    record MeterSpec(MeterType type, String id, int primaryAddress) {
    }

    record HouseMeterSpec(MeterType type, String id, int primaryAddress, List<String> memberIds) {
    }

    private SegmentMeters() {
    }

    static List<VirtualMeter> assemble(ConsumptionModel m, List<VirtualMeter> demo, List<MeterSpec> explicit,
            List<HouseMeterSpec> houseMeters) {
        List<VirtualMeter> meters = new ArrayList<>(demo);
        Set<String> ids = new HashSet<>();
        meters.forEach(v -> ids.add(v.secondaryAddress().toString()));
        for (MeterSpec e : explicit) {
            VirtualMeter v = new VirtualMeter(e.type(), e.id(), e.primaryAddress(), m);
            if (!ids.add(v.secondaryAddress().toString())) {
                throw new IllegalArgumentException("two meters with secondary address " + v.secondaryAddress());
            }
            meters.add(v);
        }
        List<VirtualMeter> apartments = List.copyOf(meters);
        for (HouseMeterSpec h : houseMeters) {
            List<Household> members = new ArrayList<>();
            for (String memberId : h.memberIds()) {
                members.add(apartmentOf(apartments, memberId));
            }
            String identity = VirtualMeter.secondaryAddress(h.type(), h.id()).toString();
            VirtualMeter v = new VirtualMeter(h.type(), h.id(), h.primaryAddress(), m,
                    m.building(identity, members));
            if (!ids.add(identity)) {
                throw new IllegalArgumentException("two meters with secondary address " + identity);
            }
            meters.add(v);
        }
        return meters;
    }

    private static Household apartmentOf(List<VirtualMeter> meters, String id) {
        List<VirtualMeter> found = meters.stream().filter(v -> v.id().equals(id)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException("a house meter sums apartment meters by id: " + found.size()
                    + " meters on the bus have id " + id + ", need exactly one");
        }
        if (!(found.get(0).consumption() instanceof Household h)) {
            throw new IllegalArgumentException("meter " + id + " is not an apartment's meter");
        }
        return h;
    }
}
