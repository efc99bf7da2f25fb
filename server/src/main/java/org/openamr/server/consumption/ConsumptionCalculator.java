package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * A point's consumption per interval from its meters' cumulative register values: pure arithmetic
 * over the readings it is given, no database, exact decimals throughout.
 *
 * <p><b>Boundary values.</b> A meter's register value at a boundary instant B is, in this order:
 * <ol>
 *   <li>with {@code useDueDates} (MONTH resolution): the value the meter stored for the due date B
 *       (storage 1, measured at exactly B), because it is the meter's own figure for the billing
 *       boundary and needs no interpolation;</li>
 *   <li>the reading at exactly B; at the meter's installation or removal, the value written in the act
 *       when the meter was not read at that moment;</li>
 *   <li>linear interpolation between the nearest values before and after B, when both lie within the
 *       maximum distance (see {@link Resolution}) and within the meter's installation. The quotient is
 *       rounded half-even to {@value #EXTRA_SCALE} decimals more than the register shows (the largest
 *       scale among its values), which is the only rounding in the calculation;</li>
 *   <li>else unknown: the interval is a GAP, with no figure (never 0).</li>
 * </ol>
 *
 * <p><b>Meter replacement.</b> An interval is split at installations and removals; each meter gives
 * (its value at the later of interval start and installation) to (its value at the earlier of interval
 * end and removal), and the interval's figure is the sum. A stretch with no meter installed is a GAP.
 *
 * <p><b>Rollover and anomalies.</b> A meter's consumption is the sum of the steps between its
 * consecutive values inside its part of the interval (so that decreases are seen, not netted out).
 * A step down is a rollover when the meter's register digits are known, the earlier value fits in
 * them, and the increase through the wrap, 10^(digits − scale) − earlier + later, is at most a tenth
 * of the register's range; it then counts as that increase. Any other step down is an ANOMALY: no
 * figure, and the step is reported. A step between a due-date value and a current value may go down
 * a little without being an anomaly, because a meter's current values can lag its stored ones (a
 * Danfoss module copies the calculator's values every 10 minutes); only a meter's total may not be
 * negative.
 */
public final class ConsumptionCalculator {

    /** Decimals added to a register's own when interpolating. */
    public static final int EXTRA_SCALE = 3;
    private final Duration maxDistance;
    private final boolean useDueDates;
    private final ZoneId zone;

    /**
     * @param zone only for the times in problem texts, which users read in the building's time
     */
    public ConsumptionCalculator(Duration maxDistance, boolean useDueDates, ZoneId zone) {
        this.maxDistance = maxDistance;
        this.useDueDates = useDueDates;
        this.zone = zone;
    }

    public static ConsumptionCalculator of(Resolution resolution, ZoneId zone) {
        return new ConsumptionCalculator(resolution.maxInterpolationDistance(), resolution == Resolution.MONTH, zone);
    }

    public List<PointInterval> calculate(PointInput point, List<Interval> intervals) {
        Unit unit = Units.unitOf(point.quantity());
        List<Chain> chains = new ArrayList<>(point.installations().size());
        for (MeterInstallation m : point.installations()) {
            chains.add(new Chain(m));
        }
        List<PointInterval> out = new ArrayList<>(intervals.size());
        for (Interval interval : intervals) {
            out.add(interval(point.quantity(), unit, chains, interval));
        }
        return out;
    }

    private PointInterval interval(Quantity quantity, Unit unit, List<Chain> chains, Interval interval) {
        List<Segment> segments = new ArrayList<>(2);
        List<String> problems = new ArrayList<>(0);
        boolean gap = false;
        boolean anomaly = false;
        boolean interpolated = false;
        BigDecimal total = BigDecimal.ZERO;
        Instant covered = interval.start();
        for (Chain chain : chains) {
            MeterInstallation m = chain.meter;
            if (!m.overlaps(interval.start(), interval.end())) {
                continue;
            }
            Instant from = max(interval.start(), m.installedAt());
            Instant to = m.removedAt() == null ? interval.end() : min(interval.end(), m.removedAt());
            if (from.isAfter(covered)) {
                gap = true;
                problems.add("no meter installed at the point from " + time(covered) + " to " + time(from));
            }
            covered = to;
            SegmentResult s = chain.segment(from, to);
            segments.add(s.segment);
            problems.addAll(s.problems);
            gap |= s.gap;
            anomaly |= s.anomaly;
            interpolated |= s.interpolated;
            if (s.segment.consumption() != null) {
                Optional<BigDecimal> converted = Units.convert(s.segment.consumption(), m.unit(), quantity);
                if (converted.isPresent()) {
                    total = total.add(converted.get());
                } else {
                    gap = true;
                    problems.add("meter " + m.meterSerial() + " counts in " + m.unit().symbol()
                            + ", which is not convertible to " + unit.symbol());
                }
            }
        }
        if (covered.isBefore(interval.end())) {
            gap = true;
            problems.add(segments.isEmpty() ? "no meter installed at the point during the interval"
                    : "no meter installed at the point from " + time(covered) + " to " + time(interval.end()));
        }
        PointStatus status = anomaly ? PointStatus.ANOMALY : gap ? PointStatus.GAP : PointStatus.COMPLETE;
        return new PointInterval(interval, status == PointStatus.COMPLETE ? total : null, unit, status, interpolated,
                segments, problems);
    }

    private record Entry(Instant at, BigDecimal value, SourceReading source) {
        boolean dueDate() {
            return source != null && source.kind() == SourceReading.Kind.DUE_DATE;
        }
    }

    private record BoundaryResult(Boundary boundary, Entry entry, boolean anomaly, boolean interpolated) {
    }

    private record SegmentResult(Segment segment, List<String> problems, boolean gap, boolean anomaly,
                                 boolean interpolated) {
    }

    /** One installation's values in time order: current readings within it, act values where there is no reading. */
    private final class Chain {

        final MeterInstallation meter;
        final List<Entry> entries = new ArrayList<>();
        final Map<Instant, Sample> dueDates = new HashMap<>();
        /** decimals the register shows: the largest scale among its values */
        final int scale;
        /** 10^(digits − scale): the register's range, when its digits are known */
        final BigDecimal modulus;

        Chain(MeterInstallation m) {
            this.meter = m;
            List<Sample> current = m.current() == null ? List.of() : m.current().samples();
            Long registerId = m.current() == null ? null : m.current().registerId();
            int maxScale = 0;
            for (Sample s : current) {
                if (within(s.at())) {
                    entries.add(new Entry(s.at(), s.value(), new SourceReading(registerId, m.meterSerial(), s.at(),
                            s.value(), m.unit(), SourceReading.Kind.CURRENT)));
                    maxScale = Math.max(maxScale, s.value().scale());
                }
            }
            if (m.initialValue() != null && (entries.isEmpty() || !entries.get(0).at().equals(m.installedAt()))) {
                entries.add(0, act(m.installedAt(), m.initialValue()));
                maxScale = Math.max(maxScale, m.initialValue().scale());
            }
            if (m.finalValue() != null && m.removedAt() != null
                    && (entries.isEmpty() || !entries.get(entries.size() - 1).at().equals(m.removedAt()))) {
                entries.add(act(m.removedAt(), m.finalValue()));
                maxScale = Math.max(maxScale, m.finalValue().scale());
            }
            if (m.dueDate() != null) {
                for (Sample s : m.dueDate().samples()) {
                    if (within(s.at())) {
                        dueDates.put(s.at(), s);
                        maxScale = Math.max(maxScale, s.value().scale());
                    }
                }
            }
            this.scale = maxScale;
            this.modulus = Rollover.modulus(m.registerDigits(), scale);
        }

        private Entry act(Instant at, BigDecimal value) {
            return new Entry(at, value, new SourceReading(null, meter.meterSerial(), at, value, meter.unit(),
                    SourceReading.Kind.INSTALLATION_ACT));
        }

        /** Readings outside the installation are the meter's, not this point's. */
        private boolean within(Instant at) {
            return !at.isBefore(meter.installedAt()) && (meter.removedAt() == null || !at.isAfter(meter.removedAt()));
        }

        SegmentResult segment(Instant from, Instant to) {
            BoundaryResult start = valueAt(from);
            BoundaryResult end = valueAt(to);
            List<String> problems = new ArrayList<>(0);
            boolean anomaly = start.anomaly || end.anomaly;
            boolean gap = !start.boundary.known() || !end.boundary.known();
            for (BoundaryResult b : List.of(start, end)) {
                if (b.boundary.problem() != null) {
                    problems.add(b.boundary.problem());
                }
            }
            BigDecimal consumption = null;
            List<Step> rollovers = new ArrayList<>(0);
            Step decrease = null;
            if (!gap && !anomaly) {
                BigDecimal total = BigDecimal.ZERO;
                Entry previous = start.entry;
                int last = firstAtOrAfter(to);
                for (int i = firstAfter(from); ; i++) {
                    boolean atEnd = i >= last;
                    Entry next = atEnd ? end.entry : entries.get(i);
                    BigDecimal step = next.value().subtract(previous.value());
                    if (step.signum() < 0) {
                        Step down = new Step(previous.at(), previous.value(), next.at(), next.value());
                        if (rollsOver(previous.value(), next.value())) {
                            step = step.add(modulus);
                            rollovers.add(down);
                        } else if (!previous.dueDate() && !next.dueDate()) {
                            decrease = down;
                            break;
                        }
                    }
                    total = total.add(step);
                    previous = next;
                    if (atEnd) {
                        break;
                    }
                }
                if (decrease == null && total.signum() < 0) {
                    decrease = new Step(from, start.entry.value(), to, end.entry.value());
                }
                if (decrease == null) {
                    consumption = total;
                } else {
                    anomaly = true;
                    problems.add(wentDown(decrease));
                }
            }
            Segment segment = new Segment(meter.meterSerial(), meter.unit(), start.boundary, end.boundary, consumption,
                    rollovers, decrease);
            return new SegmentResult(segment, problems, gap, anomaly, start.interpolated || end.interpolated);
        }

        BoundaryResult valueAt(Instant at) {
            if (useDueDates) {
                Sample due = dueDates.get(at);
                if (due != null) {
                    SourceReading r = new SourceReading(meter.dueDate().registerId(), meter.meterSerial(), at,
                            due.value(), meter.unit(), SourceReading.Kind.DUE_DATE);
                    return known(at, due.value(), BoundarySource.DUE_DATE, List.of(r), new Entry(at, due.value(), r));
                }
            }
            int i = firstAtOrAfter(at);
            if (i < entries.size() && entries.get(i).at().equals(at)) {
                Entry e = entries.get(i);
                BoundarySource source = e.source().kind() == SourceReading.Kind.INSTALLATION_ACT
                        ? BoundarySource.INSTALLATION_ACT : BoundarySource.READING;
                return known(at, e.value(), source, List.of(e.source()), e);
            }
            if (at.equals(meter.installedAt())) {
                return unknown(at, "meter " + meter.meterSerial() + " was not read at its installation at " + time(at)
                        + " and no initial value is recorded");
            }
            if (at.equals(meter.removedAt())) {
                return unknown(at, "meter " + meter.meterSerial() + " was not read at its removal at " + time(at)
                        + " and no final value is recorded");
            }
            Entry before = i > 0 ? entries.get(i - 1) : null;
            Entry after = i < entries.size() ? entries.get(i) : null;
            boolean beforeOk = before != null && Duration.between(before.at(), at).compareTo(maxDistance) <= 0;
            boolean afterOk = after != null && Duration.between(at, after.at()).compareTo(maxDistance) <= 0;
            if (!beforeOk || !afterOk) {
                String side = !beforeOk && !afterOk ? "before or after" : !beforeOk ? "before" : "after";
                return unknown(at, "meter " + meter.meterSerial() + ": no reading at " + time(at) + " and none within "
                        + hours(maxDistance) + " " + side + " it");
            }
            return interpolate(at, before, after);
        }

        private BoundaryResult interpolate(Instant at, Entry before, Entry after) {
            BigDecimal rise = after.value().subtract(before.value());
            boolean wrapped = false;
            if (rise.signum() < 0) {
                if (!rollsOver(before.value(), after.value())) {
                    Step down = new Step(before.at(), before.value(), after.at(), after.value());
                    Boundary b = new Boundary(at, null, null, List.of(before.source(), after.source()),
                            "cannot interpolate at " + time(at) + ": " + wentDown(down));
                    return new BoundaryResult(b, null, true, false);
                }
                rise = rise.add(modulus);
                wrapped = true;
            }
            BigDecimal span = BigDecimal.valueOf(Duration.between(before.at(), after.at()).toNanos());
            BigDecimal part = BigDecimal.valueOf(Duration.between(before.at(), at).toNanos());
            BigDecimal value = before.value()
                    .add(rise.multiply(part).divide(span, scale + EXTRA_SCALE, RoundingMode.HALF_EVEN));
            if (wrapped && value.compareTo(modulus) >= 0) {
                value = value.subtract(modulus);
            }
            Boundary b = new Boundary(at, value, BoundarySource.INTERPOLATED, List.of(before.source(), after.source()),
                    null);
            return new BoundaryResult(b, new Entry(at, value, null), false, true);
        }

        private BoundaryResult known(Instant at, BigDecimal value, BoundarySource source, List<SourceReading> readings,
                Entry entry) {
            return new BoundaryResult(new Boundary(at, value, source, readings, null), entry, false, false);
        }

        private BoundaryResult unknown(Instant at, String problem) {
            return new BoundaryResult(new Boundary(at, null, null, List.of(), problem), null, false, false);
        }

        private boolean rollsOver(BigDecimal from, BigDecimal to) {
            return Rollover.rollsOver(from, to, modulus);
        }

        private String wentDown(Step s) {
            return "meter " + meter.meterSerial() + " went down from " + s.fromValue().toPlainString() + " at "
                    + time(s.fromAt()) + " to " + s.toValue().toPlainString() + " at " + time(s.toAt())
                    + (modulus == null ? " (its register digits are unknown, so a rollover cannot be recognised)"
                            : ", which is not a rollover of its " + meter.registerDigits() + " digits");
        }

        private int firstAtOrAfter(Instant at) {
            int lo = 0;
            int hi = entries.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (entries.get(mid).at().isBefore(at)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private int firstAfter(Instant at) {
            int i = firstAtOrAfter(at);
            return i < entries.size() && entries.get(i).at().equals(at) ? i + 1 : i;
        }
    }

    private String time(Instant at) {
        return at.atZone(zone).toOffsetDateTime().toString();
    }

    private static String hours(Duration d) {
        return d.toHours() + " h";
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
