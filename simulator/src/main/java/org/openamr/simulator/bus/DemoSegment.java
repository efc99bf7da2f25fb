package org.openamr.simulator.bus;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openamr.mbus.link.Address;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.model.DeterministicRandom;
import org.openamr.simulator.model.Hash;

/**
 * The meters of a demo segment, all from the model's seed: kinds drawn from a {@link MeterMix},
 * primary addresses 1, 2, … 250 in order, and 0 (unconfigured, reachable by secondary address only)
 * for every meter beyond the 250th, as on a real segment with more meters than primary addresses.
 */
public final class DemoSegment {

    private static final int MIN_ID = 10_000_000;
    private static final int MAX_ID = 99_999_999;
    /** More than a generous building: beyond this a segment is a mistake, not a test. */
    public static final int MAX_METERS = 5000;

    private DemoSegment() {
    }

    public static List<VirtualMeter> meters(ConsumptionModel model, int count, IdScheme scheme, MeterMix mix) {
        if (count < 0 || count > MAX_METERS) {
            throw new IllegalArgumentException("a demo segment has 0.." + MAX_METERS + " meters, got " + count);
        }
        DeterministicRandom random = new DeterministicRandom(Hash.of(model.seed(), 0xDE70L));
        Map<MeterType, Integer> nextSerial = new EnumMap<>(MeterType.class);
        Set<String> used = new HashSet<>();
        List<VirtualMeter> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MeterType type = mix.pick(random.nextInt(mix.total()));
            int id;
            if (scheme == IdScheme.CONSECUTIVE) {
                // Each kind is one delivery batch starting at a random serial with room for all meters.
                int serial = nextSerial.computeIfAbsent(type, t -> MIN_ID + random.nextInt(MAX_ID - MIN_ID - count));
                while (!used.add(Integer.toString(serial))) {
                    serial++;
                }
                nextSerial.put(type, serial + 1);
                id = serial;
            } else {
                do {
                    id = MIN_ID + random.nextInt(MAX_ID - MIN_ID + 1);
                } while (!used.add(Integer.toString(id)));
            }
            int primary = i < Address.MAX_PRIMARY ? i + 1 : Address.UNCONFIGURED;
            out.add(new VirtualMeter(type, Integer.toString(id), primary, model));
        }
        return out;
    }
}
