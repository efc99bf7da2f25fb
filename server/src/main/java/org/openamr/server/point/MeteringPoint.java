package org.openamr.server.point;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a resource is measured: a premise's heat, cold or hot water, or a building-level point
 * (premise null) such as the common house meter; with the meters installed at it over time.
 *
 * @param subunit which of its meter's devices counts the point: 0 the meter itself, 1, 2, … its pulse inputs
 *                (a Danfoss heat meter counts the flat's cold and hot water on 1 and 2)
 */
public record MeteringPoint(UUID id, UUID building, UUID premise, Resource resource, String name, int subunit,
                            List<Installation> installations) {

    public enum Resource {
        HEAT, COLD_WATER, HOT_WATER, ELECTRICITY, GAS;

        /**
         * The resource a query or a form names, in any letter case and with spaces around; empty for anything
         * else. The one reading of a resource's name: the API refuses the rest with 400, a page with 404 or a
         * note.
         */
        public static java.util.Optional<Resource> named(String name) {
            if (name == null) {
                return java.util.Optional.empty();
            }
            String n = name.trim().toUpperCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(values()).filter(r -> r.name().equals(n)).findFirst();
        }

        /**
         * What a meter of an M-Bus medium ({@code Medium.jsonName()}, e.g. "warmWater") measures at a point;
         * empty for media that are no point's resource (a heat cost allocator, a repeater) or are ambiguous.
         */
        public static java.util.Optional<Resource> forMedium(String medium) {
            if (medium == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(switch (medium) {
                case "heat", "heatInlet", "heatCooling" -> HEAT;
                case "water", "coldWater" -> COLD_WATER;
                case "warmWater", "hotWater" -> HOT_WATER;
                case "electricity" -> ELECTRICITY;
                case "gas" -> GAS;
                default -> null;
            });
        }
    }

    /** A meter's time at the point; {@code removedAt} null while it is still there. */
    public record Installation(UUID meter, String serial, Instant installedAt, Instant removedAt,
                               BigDecimal initialValue, BigDecimal finalValue) {
    }
}
