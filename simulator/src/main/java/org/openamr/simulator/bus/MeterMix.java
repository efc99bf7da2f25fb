package org.openamr.simulator.bus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.openamr.simulator.meter.MeterType;

/**
 * Proportions of meter kinds in a demo segment, as integer weights.
 *
 * @param weights weight per kind; kinds not named do not occur
 */
public record MeterMix(Map<MeterType, Integer> weights) {

    /** A building with Danfoss heat meters in most apartments and water meters in the rest. */
    public static final MeterMix DEFAULT = new MeterMix(Map.of(
            MeterType.SONOSAFE_10, 30,
            MeterType.SONOSELECT_10, 15,
            MeterType.SONOMETER_1100, 20,
            MeterType.ENCO_PULSE, 10,
            MeterType.COLD_WATER, 13,
            MeterType.HOT_WATER, 12));

    public MeterMix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        if (weights.values().stream().anyMatch(w -> w < 0) || weights.values().stream().mapToInt(w -> w).sum() <= 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero");
        }
    }

    /** Only one kind. */
    public static MeterMix only(MeterType type) {
        return new MeterMix(Map.of(type, 1));
    }

    /** The kind for a draw in [0, total weight). */
    MeterType pick(int draw) {
        int d = draw;
        for (Map.Entry<MeterType, Integer> e : weights.entrySet()) {
            if (d < e.getValue()) {
                return e.getKey();
            }
            d -= e.getValue();
        }
        throw new IllegalArgumentException("draw beyond the total weight");
    }

    int total() {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }
}
