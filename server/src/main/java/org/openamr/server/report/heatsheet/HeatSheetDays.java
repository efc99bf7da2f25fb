package org.openamr.server.report.heatsheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openamr.server.consumption.Interval;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.Sample;

/**
 * The days of a heat sheet from what the meters reported: pure arithmetic, no database, exact decimals.
 *
 * <ul>
 *   <li>A day has data when the point's energy register has a reading in it ([00:00, 24:00) local). A day without
 *       one has no figure at all, not even an interpolated one: the sheet marks it.</li>
 *   <li>Q, V and M are the consumption calculator's figures for the day (the caller passes them).</li>
 *   <li>T1 and T2 are the means of the day's readings of the temperature registers; ΔT is T1 − T2.</li>
 *   <li>Operating time is the growth of the operating-time register over the day, less the growth of the
 *       time-in-error register where the meter has one (time in error is not normal operation); idle time is the
 *       rest of the day's hours (23 or 25 on a day of a DST change). Register values at the day's boundaries are
 *       readings, or interpolated between readings at most {@link #MAX_DISTANCE} away on both sides.</li>
 *   <li>НС: see {@link AbnormalSituation}.</li>
 * </ul>
 */
final class HeatSheetDays {

    /** As the consumption service's DAY resolution: a meter read once a day at any time, with slack. */
    static final Duration MAX_DISTANCE = Duration.ofHours(36);
    /** Decimals of a mean temperature and of hours. */
    static final int TEMPERATURE_SCALE = 2;
    static final int HOUR_SCALE = 4;
    /** An operating-time register that grew by at least this much less than the day lost power for that long. */
    static final BigDecimal NO_POWER_HOURS = BigDecimal.ONE;
    private static final int EXTRA_SCALE = 3;

    private HeatSheetDays() {
    }

    /** One meter's register at the point, in the unit the sheet shows (hours, °C). */
    record Part(Instant installedAt, Instant removedAt, List<Sample> samples) {
        Part {
            samples = List.copyOf(samples);
        }

        Instant from(Interval day) {
            return installedAt.isAfter(day.start()) ? installedAt : day.start();
        }

        Instant to(Interval day) {
            return removedAt == null || removedAt.isAfter(day.end()) ? day.end() : removedAt;
        }

        boolean overlaps(Interval day) {
            return installedAt.isBefore(day.end()) && (removedAt == null || removedAt.isAfter(day.start()));
        }
    }

    /**
     * What the days are computed from. A list is null where the meters have no such register (the column is left
     * out); {@code energy}, {@code v1} … are the calculator's intervals, one per day.
     */
    record Input(List<Interval> days, ZoneId zone, List<PointInterval> energy, List<Part> energyReadings,
                 List<PointInterval> v1, List<PointInterval> v2, List<PointInterval> m1, List<PointInterval> m2,
                 List<Part> t1, List<Part> t2, List<Part> operating, List<Part> errorTime,
                 List<HeatSheetRepository.Event> events, List<HeatSheetRepository.AlarmSpan> alarms) {
    }

    /**
     * A day of the sheet. Every figure is null when unknown; with {@code hasData} false, all are.
     *
     * @param hours the day's length in hours (24, or 23/25 on a DST change)
     */
    record Day(LocalDate date, Interval interval, BigDecimal hours, boolean hasData, BigDecimal energyKwh,
               BigDecimal v1, BigDecimal v2, BigDecimal m1, BigDecimal m2, BigDecimal t1, BigDecimal t2,
               BigDecimal operating, BigDecimal idle, BigDecimal errorHours, Set<AbnormalSituation> situations) {

        BigDecimal deltaT() {
            return t1 == null || t2 == null ? null : t1.subtract(t2);
        }
    }

    static List<Day> of(Input in) {
        Map<String, List<Instant[]>> active = activity(in.events(), in.days().isEmpty() ? null
                : in.days().get(in.days().size() - 1).end());
        List<Day> out = new ArrayList<>(in.days().size());
        for (int i = 0; i < in.days().size(); i++) {
            Interval day = in.days().get(i);
            LocalDate date = day.start().atZone(in.zone()).toLocalDate();
            BigDecimal hours = BigDecimal.valueOf(Duration.between(day.start(), day.end()).toMinutes())
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.UNNECESSARY).stripTrailingZeros();
            if (!hasReading(in.energyReadings(), day)) {
                out.add(new Day(date, day, hours, false, null, null, null, null, null, null, null, null, null, null,
                        Set.of()));
                continue;
            }
            BigDecimal q = value(in.energy(), i);
            BigDecimal v1 = value(in.v1(), i);
            BigDecimal errorHours = in.errorTime() == null ? null : difference(in.errorTime(), day);
            BigDecimal running = in.operating() == null ? null : difference(in.operating(), day);
            BigDecimal operating = running == null ? null
                    : errorHours == null ? running : running.subtract(errorHours).max(BigDecimal.ZERO);
            BigDecimal idle = operating == null ? null : hours.subtract(operating).max(BigDecimal.ZERO);
            Set<AbnormalSituation> ns = EnumSet.noneOf(AbnormalSituation.class);
            active.forEach((code, spans) -> {
                if (spans.stream().anyMatch(s -> s[0].isBefore(day.end()) && s[1].isAfter(day.start()))) {
                    AbnormalSituation.ofEvent(code).ifPresent(ns::add);
                }
            });
            for (HeatSheetRepository.AlarmSpan a : in.alarms()) {
                if (a.from().isBefore(day.end()) && (a.to() == null || a.to().isAfter(day.start()))) {
                    AbnormalSituation.ofRule(a.rule()).ifPresent(ns::add);
                }
            }
            if (errorHours != null && errorHours.signum() > 0) {
                ns.add(AbnormalSituation.FUNCTIONAL_FAILURE);
            }
            if (running != null && hours.subtract(running).compareTo(NO_POWER_HOURS) >= 0) {
                ns.add(AbnormalSituation.NO_POWER);
            }
            if (v1 != null && v1.signum() == 0) {
                ns.add(AbnormalSituation.NO_FLOW);
            }
            out.add(new Day(date, day, hours, true, q, v1, value(in.v2(), i), value(in.m1(), i), value(in.m2(), i),
                    mean(in.t1(), day), mean(in.t2(), day), scaled(operating), scaled(idle), scaled(errorHours),
                    Set.copyOf(ns)));
        }
        return out;
    }

    private static BigDecimal value(List<PointInterval> intervals, int i) {
        return intervals == null ? null : intervals.get(i).value();
    }

    private static BigDecimal scaled(BigDecimal hours) {
        return hours == null ? null : hours.setScale(Math.min(hours.scale(), HOUR_SCALE), RoundingMode.HALF_EVEN);
    }

    private static boolean hasReading(List<Part> parts, Interval day) {
        if (parts == null) {
            return false;
        }
        for (Part p : parts) {
            if (!p.overlaps(day)) {
                continue;
            }
            Instant from = p.from(day);
            Instant to = p.to(day);
            for (Sample s : p.samples()) {
                if (!s.at().isBefore(from) && s.at().isBefore(to)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The mean of the day's readings of every meter in its part of the day, or null without any. */
    static BigDecimal mean(List<Part> parts, Interval day) {
        if (parts == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Part p : parts) {
            if (!p.overlaps(day)) {
                continue;
            }
            Instant from = p.from(day);
            Instant to = p.to(day);
            for (Sample s : p.samples()) {
                if (!s.at().isBefore(from) && s.at().isBefore(to)) {
                    sum = sum.add(s.value());
                    n++;
                }
            }
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), TEMPERATURE_SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * How much a growing register (a time) grew over the day: each meter from its value at the later of the day's
     * start and its installation to the earlier of the day's end and its removal. Null when a value is unknown, the
     * register went down, or no meter was there.
     */
    static BigDecimal difference(List<Part> parts, Interval day) {
        BigDecimal total = null;
        for (Part p : parts) {
            if (!p.overlaps(day)) {
                continue;
            }
            BigDecimal start = at(p, p.from(day));
            BigDecimal end = at(p, p.to(day));
            if (start == null || end == null || end.compareTo(start) < 0) {
                return null;
            }
            total = (total == null ? BigDecimal.ZERO : total).add(end.subtract(start));
        }
        return total;
    }

    /** The register at a moment: a reading then, or interpolated between the nearest on either side. */
    static BigDecimal at(Part p, Instant t) {
        Sample before = null;
        Sample after = null;
        for (Sample s : p.samples()) {
            if (s.at().isBefore(p.installedAt()) || p.removedAt() != null && s.at().isAfter(p.removedAt())) {
                continue;
            }
            if (s.at().equals(t)) {
                return s.value();
            }
            if (s.at().isBefore(t)) {
                before = s;
            } else if (after == null) {
                after = s;
            }
        }
        if (before == null || after == null || Duration.between(before.at(), t).compareTo(MAX_DISTANCE) > 0
                || Duration.between(t, after.at()).compareTo(MAX_DISTANCE) > 0) {
            return null;
        }
        int scale = Math.max(before.value().scale(), after.value().scale()) + EXTRA_SCALE;
        BigDecimal span = BigDecimal.valueOf(Duration.between(before.at(), after.at()).toMillis());
        BigDecimal part = BigDecimal.valueOf(Duration.between(before.at(), t).toMillis());
        return before.value().add(after.value().subtract(before.value()).multiply(part)
                .divide(span, scale, RoundingMode.HALF_EVEN));
    }

    /**
     * For each condition code, the spans it was active: from a RAISED to the next CLEARED (or {@code end}). The
     * meters' conditions are pooled: a replaced meter's condition is the point's while it was there.
     */
    private static Map<String, List<Instant[]>> activity(List<HeatSheetRepository.Event> events, Instant end) {
        Map<String, List<Instant[]>> out = new HashMap<>();
        Map<String, Instant> open = new HashMap<>();
        for (HeatSheetRepository.Event e : events) {
            String key = e.meterId() + "/" + e.code();
            if (e.raised()) {
                open.putIfAbsent(key, e.at());
            } else {
                Instant from = open.remove(key);
                if (from != null && e.at().isAfter(from)) {
                    out.computeIfAbsent(e.code(), k -> new ArrayList<>()).add(new Instant[] {from, e.at()});
                }
            }
        }
        if (end != null) {
            open.forEach((key, from) -> out.computeIfAbsent(key.substring(key.indexOf('/') + 1),
                    k -> new ArrayList<>()).add(new Instant[] {from, end.plusSeconds(1)}));
        }
        return out;
    }
}
