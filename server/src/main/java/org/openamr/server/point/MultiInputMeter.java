package org.openamr.server.point;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Meters known to count more than their own resource, and on which subunit each: a Danfoss SonoSafe 10 or
 * SonoSelect 10 with a pulse-input module measures a flat's heat itself (subunit 0) and counts the pulses of
 * two water meters, by the convention this project follows cold water on input 1 (subunit 1) and hot water on
 * input 2 (subunit 2). A register that names such a meter at several points without saying which input counts
 * which is read by this convention; any other meter must say it.
 */
public enum MultiInputMeter {
    DANFOSS_SONOSAFE_10("DFS", "SonoSafe 10"),
    DANFOSS_SONOSELECT_10("DFS", "SonoSelect 10");

    private static final Map<MeteringPoint.Resource, Integer> DANFOSS_PULSE_INPUTS = Map.of(
            MeteringPoint.Resource.HEAT, 0, MeteringPoint.Resource.COLD_WATER, 1, MeteringPoint.Resource.HOT_WATER, 2);

    private final String maker;
    private final String model;

    MultiInputMeter(String maker, String model) {
        this.maker = maker;
        this.model = model;
    }

    public String maker() {
        return maker;
    }

    public String model() {
        return model;
    }

    /**
     * The meter a maker code and model name: the model compared without case, spaces or punctuation, with or
     * without the brand ("SONOSAFE-10", "Danfoss SonoSafe 10"); an unknown maker is no known meter.
     */
    public static Optional<MultiInputMeter> of(String maker, String model) {
        if (maker == null || model == null) {
            return Optional.empty();
        }
        String m = letters(model).replaceFirst("^danfoss", "");
        return Arrays.stream(values()).filter(k -> k.maker.equals(maker) && letters(k.model).equals(m)).findFirst();
    }

    /** The subunit that counts this resource, if the meter counts it. */
    public OptionalInt subunit(MeteringPoint.Resource resource) {
        Integer s = DANFOSS_PULSE_INPUTS.get(resource);
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
