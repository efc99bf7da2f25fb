package org.openamr.server.alarm.rule;

import java.util.List;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.consumption.PointInterval;

/**
 * A point's consumption per hour or per day up to now, oldest first, as {@code ConsumptionService} computes it for
 * many points in one call: an interval without a figure is a GAP or an ANOMALY with no value, never zero.
 *
 * @param occupied whether the point's premise is marked occupied (only the no-consumption rule asks)
 */
public record ConsumptionSeries(AlarmObject object, boolean occupied, List<PointInterval> intervals)
        implements RuleInput {

    public ConsumptionSeries {
        Objects.requireNonNull(object, "object");
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            // a hole in time would hide missing data; it must be there as a GAP interval
            if (!intervals.get(i).interval().start().equals(intervals.get(i - 1).interval().end())) {
                throw new IllegalArgumentException("intervals of " + object + " are not consecutive at "
                        + intervals.get(i).interval().start());
            }
        }
    }

    public static ConsumptionSeries of(AlarmObject object, List<PointInterval> intervals) {
        return new ConsumptionSeries(object, true, intervals);
    }
}
