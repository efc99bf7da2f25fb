package org.openamr.server.consumption;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * A consumption query's answer before it is written as JSON.
 *
 * @param totals sums over points per group and unit (empty for a single point)
 * @param points each point's figures, in the order of {@link ConsumptionRepository#points}
 */
public record ConsumptionReport(Target target, Resource resource, Resolution resolution, ZoneId zone,
                                Duration maxInterpolationDistance, List<Interval> intervals, List<Total> totals,
                                List<PointResult> points) {

    /** Which points a total sums up. */
    public enum Group {
        /** building-level points: the common house meter(s) */
        BUILDING_METERS,
        /** the points of premises */
        PREMISES
    }

    public record Total(Group group, Unit unit, int points, List<TotalInterval> intervals) {
    }

    /** The first total of a group (a group has several only when its points count in different units). */
    public Total total(Group group) {
        return totals.stream().filter(t -> t.group() == group).findFirst().orElseThrow();
    }

    /** @param meters the meters installed at the point during the period, in order, with their readings */
    public record PointResult(PointRow point, Unit unit, List<PointInterval> intervals, List<MeterInstallation> meters) {
    }
}
