package org.openamr.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One apartment's consumption: heat for its radiators and its cold and hot water. Each day's total
 * is a closed-form seasonal or weekly shape times hash-based noise, in integer fine units (Wh, ml);
 * a register at a moment is the sum of the whole days since installation plus the part of the
 * current day given by the day's hourly shape. Sums of whole months are cached, so a reading three
 * or ten years back costs at most a month of day totals.
 *
 * <p>Thread-safe: the only state is the cache, guarded per channel.
 */
public final class Household implements Consumption {

    private static final LocalDate FIRST_INSTALLATION = LocalDate.of(2016, 1, 1);
    private static final LocalDate LAST_INSTALLATION = LocalDate.of(2021, 12, 31);
    /** Per person and day, ml: metered use runs well below the Moscow norms, about 2.5 m³ cold and 1.6 m³ hot a month. */
    private static final long COLD_ML_PER_PERSON = 85_000;
    private static final long HOT_ML_PER_PERSON = 55_000;

    private final ConsumptionModel model;
    private final String identity;
    private final long key;
    private final LocalDate installed;
    private final Instant installedAt;
    private final int sizePerMille;
    private final int persons;
    private final int coldHabitPerMille;
    private final int hotHabitPerMille;
    private final int riserOffsetDeciK;
    private final Map<Channel, List<Long>> monthStarts = new EnumMap<>(Channel.class);

    Household(ConsumptionModel model, String identity) {
        this.model = model;
        this.identity = identity;
        this.key = Hash.of(identity);
        long seed = model.seed();
        this.installed = LocalDate.ofEpochDay(Hash.between(Hash.of(seed, key, 1),
                (int) FIRST_INSTALLATION.toEpochDay(), (int) LAST_INSTALLATION.toEpochDay()));
        this.installedAt = installed.atStartOfDay(model.zone()).toInstant();
        this.sizePerMille = Hash.between(Hash.of(seed, key, 2), 500, 1800);
        int p = Hash.between(Hash.of(seed, key, 3), 0, 99);
        this.persons = p < 20 ? 1 : p < 55 ? 2 : p < 85 ? 3 : 4;
        this.coldHabitPerMille = Hash.between(Hash.of(seed, key, 4), 700, 1300);
        // Hot water always stays below cold: the habit factor of hot is capped by that of cold.
        this.hotHabitPerMille = Math.min(coldHabitPerMille, Hash.between(Hash.of(seed, key, 5), 700, 1300));
        this.riserOffsetDeciK = Hash.between(Hash.of(seed, key, 6), -10, 10);
        for (Channel c : Channel.values()) {
            monthStarts.put(c, new ArrayList<>(List.of(0L)));
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    /** The day the meters of this apartment were installed (registers start at zero then). */
    public LocalDate installationDate() {
        return installed;
    }

    @Override
    public Instant installedAt() {
        return installedAt;
    }

    /** Number of residents, 1–4: water use scales with it. */
    public int persons() {
        return persons;
    }

    /** Heated size relative to the reference apartment, per mille (500–1800). */
    public int sizePerMille() {
        return sizePerMille;
    }

    @Override
    public ZoneId zone() {
        return model.zone();
    }

    @Override
    public long cumulative(Channel channel, Instant at) {
        if (at.isBefore(installedAt)) {
            return 0;
        }
        ZoneId zone = model.zone();
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        long sum = monthStart(channel, YearMonth.from(day));
        for (LocalDate d = day.withDayOfMonth(1); d.isBefore(day); d = d.plusDays(1)) {
            sum += dayTotal(channel, d);
        }
        return sum + partial(channel, day, nominalSecond(day, at));
    }

    /** Consumption of one whole local day in fine units; 0 before installation. */
    public long dayTotal(Channel channel, LocalDate day) {
        return partial(channel, day, DayShape.SECONDS_PER_DAY);
    }

    @Override
    public HeatState heat(Instant at) {
        ZonedDateTime local = at.atZone(model.zone());
        LocalDate day = local.toLocalDate();
        int hour = local.getHour();
        int supply = (int) Climate.at(Climate.SUPPLY_DECI_C, day) + model.supplySwing(day.toEpochDay(), hour)
                + riserOffsetDeciK;
        int delta = deltaT(day);
        if (at.isBefore(installedAt)) {
            return new HeatState(0, 0, supply, supply, 0);
        }
        int[] w = DayShape.weights(Channel.HEAT_ENERGY, day);
        // Energy in this hour (Wh) equals the hour's average power in W.
        long averageWatts = base(Channel.HEAT_ENERGY, day) * w[hour] / DayShape.total(w);
        long flow = averageWatts * 10_000 / (HeatState.WATER_HEAT_CAPACITY_MILLI * delta);
        return new HeatState(HeatState.power(flow, delta), flow, supply, supply - delta, delta);
    }

    /** Seconds into the local day, stretched to 86400 per day so that days of 23 or 25 hours stay monotonic. */
    private long nominalSecond(LocalDate day, Instant at) {
        ZoneId zone = model.zone();
        Instant start = day.atStartOfDay(zone).toInstant();
        long length = Duration.between(start, day.plusDays(1).atStartOfDay(zone).toInstant()).getSeconds();
        long elapsed = Duration.between(start, at).getSeconds();
        return elapsed * DayShape.SECONDS_PER_DAY / length;
    }

    private long partial(Channel channel, LocalDate day, long second) {
        if (day.isBefore(installed)) {
            return 0;
        }
        int[] w = DayShape.weights(channel, day);
        long numerator = DayShape.numerator(channel, w, (int) second);
        return base(channel, day) * numerator / (DayShape.total(w) * 3600L);
    }

    /** The whole day's amount of the channel (for the night tariff: of all heat, the mask cuts it). */
    private long base(Channel channel, LocalDate day) {
        long seed = model.seed();
        long epochDay = day.toEpochDay();
        switch (channel) {
            case HEAT_ENERGY:
            case HEAT_ENERGY_NIGHT: {
                long noise = Hash.between(Hash.of(seed, key, 10, epochDay), 920, 1080);
                return Climate.at(Climate.HEAT_WH_PER_DAY, day) * sizePerMille * model.weatherPerMille(epochDay)
                        * noise / 1_000_000_000L;
            }
            case HEAT_VOLUME:
                // volume = energy / (c × ΔT): 1 Wh at ΔT 0.1 K is 10^7 / 1163 ml.
                return base(Channel.HEAT_ENERGY, day) * 10_000_000L / (HeatState.WATER_HEAT_CAPACITY_MILLI
                        * deltaT(day));
            case COLD_WATER:
                return water(COLD_ML_PER_PERSON, coldHabitPerMille, 20, day);
            case HOT_WATER:
                return water(HOT_ML_PER_PERSON, hotHabitPerMille, 21, day);
            default:
                throw new AssertionError(channel);
        }
    }

    private long water(long perPerson, int habit, int salt, LocalDate day) {
        long seed = model.seed();
        long epochDay = day.toEpochDay();
        // Cold and hot water share the daily noise: showers use both.
        long noise = Hash.between(Hash.of(seed, key, 30, epochDay), 600, 1400);
        long own = Hash.between(Hash.of(seed, key, salt, epochDay), 900, 1100);
        long weekend = DayShape.isWeekend(day) ? 1150 : 1000;
        long season = Climate.WATER_SEASON_PER_MILLE[day.getMonthValue() - 1];
        // About one day in forty nobody is at home.
        long away = Hash.between(Hash.of(seed, key, 31, epochDay), 0, 39) == 0 ? 30 : 1000;
        return persons * perPerson * habit / 1000 * noise / 1000 * own / 1000 * weekend / 1000 * season / 1000
                * away / 1000;
    }

    /** The day's temperature difference, 0.1 K; never below 2 K so that flow stays finite. */
    private int deltaT(LocalDate day) {
        int noise = Hash.between(Hash.of(model.seed(), key, 11, day.toEpochDay()), -15, 15);
        return Math.max(20, (int) Climate.at(Climate.DELTA_T_DECI_K, day) + noise);
    }

    /** Sum of the day totals from installation to the first day of {@code month}, cached. */
    private long monthStart(Channel channel, YearMonth month) {
        YearMonth first = YearMonth.from(installed);
        if (!month.isAfter(first)) {
            return 0;
        }
        int index = (int) first.until(month, java.time.temporal.ChronoUnit.MONTHS);
        List<Long> starts = monthStarts.get(channel);
        synchronized (starts) {
            while (starts.size() <= index) {
                YearMonth m = first.plusMonths(starts.size() - 1L);
                long sum = starts.get(starts.size() - 1);
                for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
                    sum += dayTotal(channel, d);
                }
                starts.add(sum);
            }
            return starts.get(index);
        }
    }
}
