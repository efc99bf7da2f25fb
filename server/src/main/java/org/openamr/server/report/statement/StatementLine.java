package org.openamr.server.report.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.consumption.Boundary;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.PointRow;
import org.openamr.server.consumption.PointStatus;
import org.openamr.server.consumption.Segment;

/**
 * A point's line of the statement, read off the consumption service's intervals (one per month of a whole-month
 * period, else one per day): the first meter's register at the start, the last meter's at the end, the sum of the
 * intervals' consumption, and how it was obtained. Pure: the same figures as {@code /api/v1/consumption}.
 *
 * @param serials     every meter that counted in the period, in order (two when a meter was replaced)
 * @param start       the register at the period's start (or the first meter's installation), null without a meter
 * @param startUnit   the unit of {@code start}'s value (the register's own)
 * @param consumption in {@code unit}; null unless every interval has a figure
 * @param segments    every meter's part, for the note on a replacement
 * @param problemAt   for NO_DATA, the moment the reason concerns (a boundary without a reading), else null
 */
record StatementLine(PointRow point, List<String> serials, Boundary start, Unit startUnit, Boundary end,
                     Unit endUnit, BigDecimal consumption, Unit unit, Method method, Reason reason,
                     Instant problemAt, List<Segment> segments) {

    /** How a line's consumption was obtained. */
    enum Method {
        /** both ends are readings or the meter's due-date values */
        MEASURED,
        /** an end was interpolated between readings on either side */
        INTERPOLATED,
        /** the meter was replaced within the period: the old one's part and the new one's add up */
        METER_REPLACED,
        /** no figure: see the reason */
        NO_DATA
    }

    /** Why a line has no figure. */
    enum Reason {
        NO_METER,
        NO_METER_PART,
        NO_READING_AT_START,
        NO_READING_AT_END,
        REGISTER_DECREASED,
        UNIT_NOT_CONVERTIBLE
    }

    static StatementLine of(ConsumptionReport.PointResult result) {
        List<PointInterval> intervals = result.intervals();
        List<Segment> segments = new ArrayList<>();
        intervals.forEach(i -> segments.addAll(i.segments()));
        LinkedHashSet<String> serials = new LinkedHashSet<>();
        segments.forEach(s -> serials.add(s.meterSerial()));
        Segment first = segments.isEmpty() ? null : segments.get(0);
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        BigDecimal sum = BigDecimal.ZERO;
        boolean interpolated = false;
        for (PointInterval i : intervals) {
            if (i.value() == null) {
                sum = null;
                break;
            }
            sum = sum.add(i.value());
            interpolated |= i.interpolated();
        }
        Method method;
        Reason reason = null;
        Instant problemAt = null;
        if (sum == null) {
            method = Method.NO_DATA;
            PointInterval failed = intervals.stream().filter(i -> i.value() == null).findFirst().orElseThrow();
            reason = Reason.UNIT_NOT_CONVERTIBLE;
            if (failed.segments().isEmpty()) {
                reason = Reason.NO_METER;
            } else {
                for (Segment s : failed.segments()) {
                    if (!s.start().known()) {
                        reason = Reason.NO_READING_AT_START;
                        problemAt = s.start().at();
                        break;
                    }
                    if (!s.end().known()) {
                        reason = Reason.NO_READING_AT_END;
                        problemAt = s.end().at();
                        break;
                    }
                    if (s.decrease() != null) {
                        reason = Reason.REGISTER_DECREASED;
                        problemAt = s.decrease().toAt();
                        break;
                    }
                }
                if (reason == Reason.UNIT_NOT_CONVERTIBLE && failed.status() == PointStatus.GAP) {
                    reason = Reason.NO_METER_PART;
                }
            }
        } else if (serials.size() > 1) {
            method = Method.METER_REPLACED;
        } else if (interpolated) {
            method = Method.INTERPOLATED;
        } else {
            method = Method.MEASURED;
        }
        return new StatementLine(result.point(), List.copyOf(serials), first == null ? null : first.start(),
                first == null ? null : first.unit(), last == null ? null : last.end(), last == null ? null : last.unit(),
                sum, result.unit(), method, reason, problemAt, segments);
    }
}
