package org.openamr.simulator.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deterministic consumption of a building: every value is a pure function of the seed, the
 * household's identity (a meter's secondary address text, say) and the moment. Two models with the
 * same seed agree exactly; nothing depends on when or in which order they are asked.
 */
public final class ConsumptionModel {

    /** Meters in scope are read in Russia; Moscow has kept UTC+3 all year since 2014. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final long seed;
    private final ZoneId zone;
    private final Map<String, Household> households = new ConcurrentHashMap<>();

    public ConsumptionModel(long seed) {
        this(seed, MOSCOW);
    }

    public ConsumptionModel(long seed, ZoneId zone) {
        this.seed = seed;
        this.zone = zone;
    }

    public long seed() {
        return seed;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The household of {@code identity}; cached, because it caches its own monthly sums. */
    public Household household(String identity) {
        return households.computeIfAbsent(identity, id -> new Household(this, id));
    }

    /**
     * The house meter {@code identity} of a building whose apartments are {@code members}: their sum
     * plus the building's losses (see {@link Building}). Not cached: each call makes a new view.
     */
    public Building building(String identity, List<Household> members) {
        return new Building(this, identity, members);
    }

    /** The last due date before {@code at} in this model's time zone. */
    public DueDate dueDate(Instant at) {
        return DueDate.before(at, zone);
    }

    /** Building-wide weather factor of a day, per mille, smoothed so that cold spells last a few days. */
    int weatherPerMille(long epochDay) {
        return (rawWeather(epochDay - 1) + 2 * rawWeather(epochDay) + rawWeather(epochDay + 1)) / 4;
    }

    private int rawWeather(long epochDay) {
        return Hash.between(Hash.of(seed, 0x57EA7E4L, epochDay), 780, 1220);
    }

    /** Building-wide supply temperature deviation of one hour, 0.1 K: the substation's control swings. */
    int supplySwing(long epochDay, int hour) {
        return Hash.between(Hash.of(seed, 0x5B9913L, epochDay, hour), -20, 20);
    }
}
