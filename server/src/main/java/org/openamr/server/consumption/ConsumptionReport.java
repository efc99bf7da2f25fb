package org.openamr.server.consumption;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * A consumption query's answer before it is written as JSON.
 *
 * @param totals sums over points per group and unit (empty for a single point)
 * @param points each point's figures, in the order of {@link ConsumptionRepository#points}
 */
public record ConsumptionReport(Target target, String resource, Resolution resolution, ZoneId zone,
                                Duration maxInterpolationDistance, List<Interval> intervals, List<Total> totals,
                                List<PointResult> points) {

    /** Which points a total sums up. */
    public enum Group {
        /** building-level points: the common house meter(s) */
        BUILDING_METERS,
        /** the points of premises */
        PREMISES
    }

    public record Total(Group group, String unit, int points, List<TotalInterval> intervals) {
    }

    public record PointResult(PointRow point, String unit, List<PointInterval> intervals) {
    }
}
