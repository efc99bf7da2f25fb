package org.openamr.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.ErrorLog;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Building;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.Consumption;
import org.openamr.simulator.model.Hash;
import org.openamr.simulator.model.HeatState;
import org.openamr.simulator.model.Household;

/**
 * What is wrong in the demo building, so that its alarms have something to find from the first minute:
 * <ul>
 *   <li>a leak: one apartment's cold water also runs at {@link #LEAK_MILLILITRES_PER_HOUR} (a running cistern) from
 *       two days before, so it flows in every hour, where a household's stands still at night;</li>
 *   <li>a meter error: another apartment's SonoSafe has had air in its flow sensor since a day before, which it
 *       reports in its error code and status byte (and measures no flow, so its heat stands still);</li>
 *   <li>a silent meter: the house water meter has not answered for three days (cut off the bus; still registered on
 *       the channel, so every poll asks it in vain);</li>
 *   <li>an imbalance: from the month before on, the house heat meter measures {@link #HEAT_LOSSES_PER_MILLE} ‰ of
 *       the apartments' heat, far beyond the 5–10 % of losses before, so the last complete month's balance differs
 *       by 20 % of the house meter's figure;</li>
 *   <li>verification dates ({@link #verification}): one meter overdue, a few due within 30 days.</li>
 * </ul>
 * The apartments are drawn from the seed. The moments count back from when the building was first seeded, not
 * from each start: the registers are a function of time, and a leak or an error that began later at the next start
 * would make the stored history run backwards. The verification dates are the exception: they are only dates, set
 * again from each start's day.
 */
final class DemoFaults {

    /** A running toilet cistern: little water, but in every hour. */
    static final long LEAK_MILLILITRES_PER_HOUR = 4_000;
    /**
     * The house heat meter over the apartments' sum, per mille, from {@link #lossesFrom()} on: 25 % more, which is a
     * difference of 20 % of the house meter's figure (the imbalance rule's measure; before, 5–10 % more).
     */
    static final int HEAT_LOSSES_PER_MILLE = 1_250;
    static final MeterError ERROR = MeterError.AIR_IN_FLOW;
    static final Duration LEAK_BEFORE = Duration.ofDays(2);
    static final Duration ERROR_BEFORE = Duration.ofDays(1);
    static final Duration SILENT_BEFORE = Duration.ofDays(3);
    /** The verification interval taken for every meter of the demo (the type approvals' figure is not at hand). */
    static final Period VERIFICATION_INTERVAL = Period.ofYears(6);
    static final int DUE_WITHIN_DAYS = 30;
    private static final long SALT = 0x4641_554CL;

    private final DemoBuilding.Apartment leaking;
    private final DemoBuilding.Apartment inError;
    private final DemoBuilding.HouseMeter silent;
    private final DemoBuilding.HouseMeter lossy;
    private final Instant leakSince;
    private final Instant errorSince;
    private final Instant silentSince;
    private final YearMonth lossesFrom;

    private DemoFaults(DemoBuilding building, Instant seededAt) {
        List<DemoBuilding.Apartment> flats = building.apartments();
        int n = flats.size();
        int leak = Hash.between(Hash.of(building.seed(), SALT, 1), 0, n - 1);
        // another apartment than the leak's, unless there is only one
        int error = n == 1 ? leak : (leak + 1 + Hash.between(Hash.of(building.seed(), SALT, 2), 0, n - 2)) % n;
        this.leaking = flats.get(leak);
        this.inError = flats.get(error);
        this.silent = building.houseWater();
        this.lossy = building.houseHeat();
        Instant hour = seededAt.truncatedTo(ChronoUnit.HOURS);
        this.leakSince = hour.minus(LEAK_BEFORE);
        this.errorSince = hour.minus(ERROR_BEFORE);
        this.silentSince = hour.minus(SILENT_BEFORE);
        this.lossesFrom = YearMonth.from(seededAt.atZone(DemoBuilding.ZONE)).minusMonths(1);
    }

    /** @param seededAt when the building was first seeded into the registry */
    static DemoFaults of(DemoBuilding building, Instant seededAt) {
        return new DemoFaults(building, seededAt);
    }

    DemoBuilding.Apartment leaking() {
        return leaking;
    }

    DemoBuilding.Apartment inError() {
        return inError;
    }

    /**
     * The house water meter, silent from {@link #silentSince()}: an apartment's would leave the heat balance of the
     * month just past incomplete when the demo starts on the first days of a month.
     */
    DemoBuilding.HouseMeter silent() {
        return silent;
    }

    Instant leakSince() {
        return leakSince;
    }

    Instant errorSince() {
        return errorSince;
    }

    Instant silentSince() {
        return silentSince;
    }

    /** The first month of the house heat meter's high losses: the month before the building was seeded. */
    YearMonth lossesFrom() {
        return lossesFrom;
    }

    /**
     * Puts the faults on the building's bus, before anything reads it: the leaking apartment's meter and the house
     * heat meter are replaced by the same meters measuring the faulty consumption (the house meter's error log
     * copied), the error is set, the silent meter is disconnected.
     *
     * @return the disconnected meter, whose history the backfill writes up to {@link #silentSince()}
     */
    VirtualMeter apply(VirtualBus bus) {
        VirtualMeter flat = meter(bus, leaking.meterId());
        replace(bus, flat, new Leaking((Household) flat.consumption(), leakSince, LEAK_MILLILITRES_PER_HOUR));
        VirtualMeter house = meter(bus, lossy.meterId());
        replace(bus, house, new HeatLosses((Building) house.consumption(),
                lossesFrom.atDay(1).atStartOfDay(DemoBuilding.ZONE).toInstant(), HEAT_LOSSES_PER_MILLE));
        meter(bus, inError.meterId()).setError(ERROR, errorSince);
        VirtualMeter cut = meter(bus, silent.meterId());
        bus.remove(cut.secondaryAddress());
        return cut;
    }

    private static VirtualMeter meter(VirtualBus bus, String id) {
        return bus.meters().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo bus has no meter " + id));
    }

    private static void replace(VirtualBus bus, VirtualMeter old, Consumption consumption) {
        VirtualMeter faulty = new VirtualMeter(old.type(), old.id(), old.primaryAddress(), bus.model(), consumption);
        for (ErrorLog.Episode e : old.errorLog().episodes()) {
            faulty.setError(e.error(), e.from());
            if (e.to() != null) {
                faulty.clearError(e.error(), e.to());
            }
        }
        bus.remove(old.secondaryAddress());
        bus.add(faulty);
    }

    /** When a meter was verified last and is to be next. */
    record Verification(LocalDate verifiedOn, LocalDate next) {
    }

    /**
     * The verification dates of the building's meters as of {@code today}, by meter id: one overdue by 5–25 days,
     * three (two in a building of fewer than five meters) due in 3–28 days, drawn from the seed; the others
     * {@linkplain #ahead ahead}.
     */
    static Map<String, Verification> verification(DemoBuilding building, LocalDate today) {
        long seed = building.seed();
        List<String> ids = new ArrayList<>();
        building.apartments().forEach(a -> ids.add(a.meterId()));
        ids.add(building.houseHeat().meterId());
        ids.add(building.houseWater().meterId());
        ids.sort(Comparator.comparingLong(id -> Hash.of(seed, SALT, 3, Hash.of(id))));
        int dueSoon = ids.size() < 5 ? 2 : 3;
        Map<String, Verification> out = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            long h = Hash.of(seed, SALT, 4, Hash.of(id));
            if (i == 0) {
                out.put(id, every(today.minusDays(Hash.between(h, 5, 25))));
            } else if (i <= dueSoon) {
                out.put(id, every(today.plusDays(Hash.between(h, 3, DUE_WITHIN_DAYS - 2))));
            } else {
                out.put(id, ahead(seed, id, today));
            }
        }
        return out;
    }

    /**
     * A meter in good standing: due on the first of a month one to six years ahead. Whole months, so that the dates
     * a restart sets change once a month, not every day.
     */
    static Verification ahead(long seed, String meterId, LocalDate today) {
        int months = Hash.between(Hash.of(seed, SALT, 5, Hash.of(meterId)), 13, 71);
        return every(today.withDayOfMonth(1).plusMonths(months));
    }

    private static Verification every(LocalDate next) {
        return new Verification(next.minus(VERIFICATION_INTERVAL), next);
    }

    /** An apartment whose cold water also runs away at a steady rate from {@code since} on. */
    record Leaking(Household household, Instant since, long millilitresPerHour) implements Consumption {

        @Override
        public String identity() {
            return household.identity();
        }

        @Override
        public Instant installedAt() {
            return household.installedAt();
        }

        @Override
        public ZoneId zone() {
            return household.zone();
        }

        @Override
        public long cumulative(Channel channel, Instant at) {
            long used = household.cumulative(channel, at);
            if (channel != Channel.COLD_WATER || !at.isAfter(since)) {
                return used;
            }
            return used + Duration.between(since, at).toMillis() * millilitresPerHour / 3_600_000;
        }

        @Override
        public HeatState heat(Instant at) {
            return household.heat(at);
        }
    }

    /**
     * A house heat meter that from {@code from} on measures the apartments' heat times {@code perMille} instead of
     * the month's losses of {@link Building}: as after the basement pipes lost their insulation. Volume and flow
     * rise with it, so the heat sheet's columns still agree.
     */
    static final class HeatLosses implements Consumption {

        private final Building building;
        private final Instant from;
        private final int perMille;
        /** The house meter's and the apartments' counts at {@code from}: asked at every reading, never changing. */
        private final Map<Channel, long[]> atFrom = new EnumMap<>(Channel.class);

        HeatLosses(Building building, Instant from, int perMille) {
            this.building = building;
            this.from = from;
            this.perMille = perMille;
        }

        @Override
        public String identity() {
            return building.identity();
        }

        @Override
        public Instant installedAt() {
            return building.installedAt();
        }

        @Override
        public ZoneId zone() {
            return building.zone();
        }

        @Override
        public long cumulative(Channel channel, Instant at) {
            if (!channel.isHeat() || at.isBefore(from)) {
                return building.cumulative(channel, at);
            }
            long[] start = start(channel);
            return start[0] + Math.floorDiv((apartments(channel, at) - start[1]) * perMille, 1000);
        }

        private long[] start(Channel channel) {
            synchronized (atFrom) {
                return atFrom.computeIfAbsent(channel, c -> new long[] {building.cumulative(c, from),
                        apartments(c, from)});
            }
        }

        private long apartments(Channel channel, Instant at) {
            long sum = 0;
            for (Household h : building.members()) {
                sum += h.cumulative(channel, at);
            }
            return sum;
        }

        @Override
        public HeatState heat(Instant at) {
            HeatState s = building.heat(at);
            if (at.isBefore(from)) {
                return s;
            }
            long flow = s.flowLitresPerHour() * perMille
                    / building.lossPerMille(Channel.HEAT_VOLUME, YearMonth.from(at.atZone(zone())));
            return new HeatState(HeatState.power(flow, s.deltaDeciKelvin()), flow, s.supplyDeciCelsius(),
                    s.returnDeciCelsius(), s.deltaDeciKelvin());
        }
    }
}
