package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * What the words of a Solvimus document mean: DESCRIPTION → quantity, UNIT → one of our canonical
 * units (the ones the M-Bus decoder gives, so that a pushed and a polled value of the same meter land
 * in the same register) times an exact factor, MEDIUM → M-Bus medium code. Words not listed here
 * are not guessed: their values are rejected and reported.
 */
final class SolvimusVocabulary {

    private SolvimusVocabulary() {
    }

    /** A unit as written in the document, converted exactly: canonical value = value × factor. */
    record Conversion(Unit unit, BigDecimal factor) {
    }

    private static Conversion c(Unit unit, String factor) {
        return new Conversion(unit, new BigDecimal(factor));
    }

    private static final Conversion KWH = c(Unit.KWH, "1");

    /** Units by family; the key is the unit as written, compared after {@link #normalizeUnit}. */
    private static final Map<String, Conversion> ENERGY = Map.ofEntries(
            Map.entry("wh", c(Unit.KWH, "0.001")), Map.entry("kwh", KWH), Map.entry("mwh", c(Unit.KWH, "1000")),
            Map.entry("gwh", c(Unit.KWH, "1000000")),
            Map.entry("j", c(Unit.KJ, "0.001")), Map.entry("kj", c(Unit.KJ, "1")), Map.entry("mj", c(Unit.KJ, "1000")),
            Map.entry("gj", c(Unit.KJ, "1000000")),
            Map.entry("mcal", c(Unit.GCAL, "0.001")), Map.entry("gcal", c(Unit.GCAL, "1")));
    private static final Map<String, Conversion> VOLUME = Map.of(
            "m^3", c(Unit.M3, "1"), "m3", c(Unit.M3, "1"), "l", c(Unit.M3, "0.001"));
    private static final Map<String, Conversion> MASS = Map.of("kg", c(Unit.T, "0.001"), "t", c(Unit.T, "1"));
    private static final Map<String, Conversion> POWER = Map.of(
            "w", c(Unit.KW, "0.001"), "kw", c(Unit.KW, "1"), "mw", c(Unit.KW, "1000"),
            "j/h", c(Unit.KJ_PER_H, "0.001"), "kj/h", c(Unit.KJ_PER_H, "1"), "mj/h", c(Unit.KJ_PER_H, "1000"),
            "gj/h", c(Unit.KJ_PER_H, "1000000"));
    private static final Map<String, Conversion> VOLUME_FLOW = Map.of(
            "m^3/h", c(Unit.M3_PER_H, "1"), "m3/h", c(Unit.M3_PER_H, "1"), "m^3/min", c(Unit.M3_PER_H, "60"),
            "m^3/s", c(Unit.M3_PER_H, "3600"), "l/h", c(Unit.M3_PER_H, "0.001"));
    private static final Map<String, Conversion> MASS_FLOW = Map.of("kg/h", c(Unit.KG_PER_H, "1"),
            "t/h", c(Unit.KG_PER_H, "1000"));
    private static final Map<String, Conversion> TEMPERATURE = Map.of(
            "degree c", c(Unit.CELSIUS, "1"), "°c", c(Unit.CELSIUS, "1"), "degree f", c(Unit.FAHRENHEIT, "1"),
            "°f", c(Unit.FAHRENHEIT, "1"));
    private static final Map<String, Conversion> TEMPERATURE_DIFFERENCE = Map.of("k", c(Unit.KELVIN, "1"));
    private static final Map<String, Conversion> PRESSURE = Map.of("bar", c(Unit.BAR, "1"));
    private static final Map<String, Conversion> HCA = Map.of("none", c(Unit.HCA, "1"), "", c(Unit.HCA, "1"),
            "hca", c(Unit.HCA, "1"));
    private static final Map<String, Conversion> DURATION = Map.of(
            "s", c(Unit.SECOND, "1"), "seconds", c(Unit.SECOND, "1"), "min", c(Unit.SECOND, "60"),
            "minutes", c(Unit.SECOND, "60"), "h", c(Unit.SECOND, "3600"), "hours", c(Unit.SECOND, "3600"),
            "d", c(Unit.SECOND, "86400"), "days", c(Unit.SECOND, "86400"));
    private static final Map<String, Conversion> VOLTAGE = Map.of("v", c(Unit.VOLT, "1"));
    private static final Map<String, Conversion> CURRENT = Map.of("a", c(Unit.AMPERE, "1"));
    private static final Map<String, Conversion> REACTIVE_ENERGY = Map.of("varh", c(Unit.KVARH, "0.001"),
            "kvarh", c(Unit.KVARH, "1"));
    private static final Map<String, Conversion> REACTIVE_POWER = Map.of("var", c(Unit.KVAR, "0.001"),
            "kvar", c(Unit.KVAR, "1"));
    private static final Map<String, Conversion> HUMIDITY = Map.of("%", c(Unit.PERCENT_RH, "1"),
            "%rh", c(Unit.PERCENT_RH, "1"));
    private static final Map<String, Conversion> FREQUENCY = Map.of("hz", c(Unit.HERTZ, "1"));

    /** A register description: its quantity and the units it may come in. */
    record Meaning(Quantity quantity, Map<String, Conversion> units) {
    }

    /** Keyed by {@link #normalizeDescription}: Solvimus' value type names, punctuation and case ignored. */
    private static final Map<String, Meaning> DESCRIPTIONS = Map.ofEntries(
            Map.entry("energy", new Meaning(Quantity.ENERGY, ENERGY)),
            Map.entry("volume", new Meaning(Quantity.VOLUME, VOLUME)),
            Map.entry("mass", new Meaning(Quantity.MASS, MASS)),
            Map.entry("power", new Meaning(Quantity.POWER, POWER)),
            Map.entry("volumeflow", new Meaning(Quantity.VOLUME_FLOW, VOLUME_FLOW)),
            Map.entry("volumeflowext", new Meaning(Quantity.VOLUME_FLOW, VOLUME_FLOW)),
            Map.entry("massflow", new Meaning(Quantity.MASS_FLOW, MASS_FLOW)),
            Map.entry("flowtemperature", new Meaning(Quantity.FLOW_TEMPERATURE, TEMPERATURE)),
            Map.entry("returntemperature", new Meaning(Quantity.RETURN_TEMPERATURE, TEMPERATURE)),
            Map.entry("temperaturedifference", new Meaning(Quantity.TEMPERATURE_DIFFERENCE, TEMPERATURE_DIFFERENCE)),
            Map.entry("externaltemperature", new Meaning(Quantity.EXTERNAL_TEMPERATURE, TEMPERATURE)),
            Map.entry("coldwarmtemperaturelimit", new Meaning(Quantity.TEMPERATURE_LIMIT, TEMPERATURE)),
            Map.entry("pressure", new Meaning(Quantity.PRESSURE, PRESSURE)),
            Map.entry("unitsforhca", new Meaning(Quantity.HCA_UNITS, HCA)),
            Map.entry("operatingtime", new Meaning(Quantity.OPERATING_TIME, DURATION)),
            Map.entry("ontime", new Meaning(Quantity.ON_TIME, DURATION)),
            Map.entry("volts", new Meaning(Quantity.VOLTAGE, VOLTAGE)),
            Map.entry("voltage", new Meaning(Quantity.VOLTAGE, VOLTAGE)),
            Map.entry("ampere", new Meaning(Quantity.CURRENT, CURRENT)),
            Map.entry("current", new Meaning(Quantity.CURRENT, CURRENT)),
            Map.entry("reactiveenergy", new Meaning(Quantity.REACTIVE_ENERGY, REACTIVE_ENERGY)),
            Map.entry("reactivepower", new Meaning(Quantity.REACTIVE_POWER, REACTIVE_POWER)),
            Map.entry("relativehumidity", new Meaning(Quantity.RELATIVE_HUMIDITY, HUMIDITY)),
            Map.entry("frequency", new Meaning(Quantity.FREQUENCY, FREQUENCY)));

    /** The description of the data elements that carry times (Unix seconds, UNIT "UTC"), not values. */
    static final String TIMESTAMP = "timestamp";

    private static final Map<String, Medium> MEDIA = Map.ofEntries(
            Map.entry("electricity", Medium.ELECTRICITY), Map.entry("gas", Medium.GAS),
            Map.entry("heatoutlet", Medium.HEAT), Map.entry("heat", Medium.HEAT),
            Map.entry("heatinlet", Medium.HEAT_INLET), Map.entry("heatcooling", Medium.HEAT_COOLING),
            Map.entry("coolingoutlet", Medium.COOLING_OUTLET), Map.entry("coolinginlet", Medium.COOLING_INLET),
            Map.entry("water", Medium.WATER), Map.entry("warmwater", Medium.WARM_WATER),
            Map.entry("hotwater", Medium.HOT_WATER), Map.entry("coldwater", Medium.COLD_WATER),
            Map.entry("heatcostallocator", Medium.HEAT_COST_ALLOCATOR), Map.entry("steam", Medium.STEAM),
            Map.entry("oil", Medium.OIL));

    static String normalizeDescription(String description) {
        return description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String normalizeUnit(String unit) {
        return unit.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Optional<Meaning> meaning(String description) {
        return Optional.ofNullable(DESCRIPTIONS.get(normalizeDescription(description)));
    }

    static boolean isTimestamp(String description) {
        return TIMESTAMP.equals(normalizeDescription(description));
    }

    static Optional<Conversion> conversion(Meaning meaning, String unit) {
        return Optional.ofNullable(meaning.units().get(normalizeUnit(unit)));
    }

    /** The units a description accepts, for the rejection message. */
    static List<String> unitsOf(Meaning meaning) {
        return meaning.units().keySet().stream().filter(u -> !u.isEmpty()).sorted().toList();
    }

    static Optional<Medium> medium(String text) {
        return Optional.ofNullable(MEDIA.get(normalizeDescription(text)));
    }
}
