package org.openamr.simulator.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a building's common (house) meter measures: the sum of its apartments' consumption plus the
 * losses between the house meter and the apartment meters — heat lost by the risers and basement
 * pipes, water lost to leaks and to the apartment meters' under-registration. The loss factor
 * changes every month (heat 5–10 %, water 2–4 %), so that a balance report shows plausible,
 * varying losses; within a month the house meter runs exactly {@code factor ×} the apartments' sum.
 * Heat energy, night-tariff heat and heat-carrier volume share the heat factor, so the night
 * register never overtakes the total; cold and hot water share the water factor.
 *
 * <p>Counts are exact integers: each whole month adds {@code floor(sum × factor / 1000)}, the
 * current month the same of its part so far, so the register never decreases and a month's
 * amount is the apartments' month times its factor, rounded down to a fine unit (Wh, ml).
 *
 * <p>Thread-safe: the only state is the cache of month starts, guarded per channel.
 */
public final class Building implements Consumption {

    public static final int HEAT_LOSS_MIN_PER_MILLE = 1050;
    public static final int HEAT_LOSS_MAX_PER_MILLE = 1100;
    public static final int WATER_LOSS_MIN_PER_MILLE = 1020;
    public static final int WATER_LOSS_MAX_PER_MILLE = 1040;

    private final ConsumptionModel model;
    private final String identity;
    private final long key;
    private final List<Household> members;
    private final YearMonth firstMonth;
    private final Instant installedAt;
    private final Map<Channel, List<Long>> monthStarts = new EnumMap<>(Channel.class);

    Building(ConsumptionModel model, String identity, List<Household> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a building meter needs at least one apartment behind it");
        }
        this.model = model;
        this.identity = identity;
        this.key = Hash.of(identity);
        this.members = List.copyOf(members);
        // The house meter came with the metering project: installed at the start of the month the
        // first apartment meter was, so that whole months are the unit of its losses.
        LocalDate first = this.members.stream().map(Household::installationDate).min(Comparator.naturalOrder())
                .orElseThrow();
        this.firstMonth = YearMonth.from(first);
        this.installedAt = start(firstMonth);
        for (Channel c : Channel.values()) {
            monthStarts.put(c, new ArrayList<>(List.of(0L)));
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    /** The apartments behind the house meter. */
    public List<Household> members() {
        return members;
    }

    @Override
    public Instant installedAt() {
        return installedAt;
    }

    @Override
    public ZoneId zone() {
        return model.zone();
    }

    /**
     * The month's factor of the house meter over the apartments' sum, per mille: heat channels
     * 1050–1100, water 1020–1040.
     */
    public int lossPerMille(Channel channel, YearMonth month) {
        long salt = channel.isHeat() ? 60 : 61;
        long h = Hash.of(model.seed(), key, salt, month.getYear() * 12L + month.getMonthValue());
        return channel.isHeat() ? Hash.between(h, HEAT_LOSS_MIN_PER_MILLE, HEAT_LOSS_MAX_PER_MILLE)
                : Hash.between(h, WATER_LOSS_MIN_PER_MILLE, WATER_LOSS_MAX_PER_MILLE);
    }

    @Override
    public long cumulative(Channel channel, Instant at) {
        if (at.isBefore(installedAt)) {
            return 0;
        }
        YearMonth month = YearMonth.from(at.atZone(model.zone()));
        return monthStart(channel, month) + lossy(channel, month, membersBetween(channel, start(month), at));
    }

    /**
     * The flows add up (plus the month's losses); ΔT is the flow-weighted mean of the apartments',
     * and power is what a calculator computes from the two.
     */
    @Override
    public HeatState heat(Instant at) {
        ZonedDateTime local = at.atZone(model.zone());
        LocalDate day = local.toLocalDate();
        int supply = (int) Climate.at(Climate.SUPPLY_DECI_C, day) + model.supplySwing(day.toEpochDay(),
                local.getHour());
        if (at.isBefore(installedAt)) {
            return new HeatState(0, 0, supply, supply, 0);
        }
        long flow = 0;
        long weighted = 0;
        long deltaSum = 0;
        for (Household h : members) {
            HeatState s = h.heat(at);
            flow += s.flowLitresPerHour();
            weighted += s.flowLitresPerHour() * s.deltaDeciKelvin();
            deltaSum += s.deltaDeciKelvin();
        }
        int delta = (int) (flow > 0 ? weighted / flow : deltaSum / members.size());
        long buildingFlow = lossy(Channel.HEAT_VOLUME, YearMonth.from(day), flow);
        return new HeatState(HeatState.power(buildingFlow, delta), buildingFlow, supply, supply - delta, delta);
    }

    private long lossy(Channel channel, YearMonth month, long membersAmount) {
        return membersAmount * lossPerMille(channel, month) / 1000;
    }

    private long membersBetween(Channel channel, Instant from, Instant to) {
        long sum = 0;
        for (Household h : members) {
            sum += h.cumulative(channel, to) - h.cumulative(channel, from);
        }
        return sum;
    }

    private Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(model.zone()).toInstant();
    }

    /** Sum of the whole months from installation to the start of {@code month}, cached. */
    private long monthStart(Channel channel, YearMonth month) {
        if (!month.isAfter(firstMonth)) {
            return 0;
        }
        int index = (int) firstMonth.until(month, ChronoUnit.MONTHS);
        List<Long> starts = monthStarts.get(channel);
        synchronized (starts) {
            while (starts.size() <= index) {
                YearMonth m = firstMonth.plusMonths(starts.size() - 1L);
                long amount = lossy(channel, m, membersBetween(channel, start(m), start(m.plusMonths(1))));
                starts.add(starts.get(starts.size() - 1) + amount);
            }
            return starts.get(index);
        }
    }
}
