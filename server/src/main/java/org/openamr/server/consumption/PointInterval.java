package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.util.List;
import org.openamr.mbus.quantity.Unit;

/**
 * A point's consumption in one interval.
 *
 * @param value        in {@code unit}; null unless the status is COMPLETE
 * @param interpolated whether any boundary value was interpolated
 * @param problems     why there is no figure, or what is worth knowing about it
 */
public record PointInterval(Interval interval, BigDecimal value, Unit unit, PointStatus status,
                            boolean interpolated, List<Segment> segments, List<String> problems) {

    public PointInterval {
        segments = List.copyOf(segments);
        problems = List.copyOf(problems);
    }
}
