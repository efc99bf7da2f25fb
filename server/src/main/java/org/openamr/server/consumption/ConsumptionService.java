package org.openamr.server.consumption;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumption of a point, or sums over a premise, an entrance or a building, per hour, day or month
 * of the building's local calendar. Data comes from {@link ConsumptionRepository} in a handful of
 * queries; the figures from {@link ConsumptionCalculator} and {@link Totals}. Rules: see
 * {@code server/CONSUMPTION.md}.
 *
 * <p>A building's sum is given twice: its building-level points (the common house meter, ОДПУ) and its
 * premises (ΣИПУ), never mixed, because comparing the two is what a balance report is for.
 */
@Service
public class ConsumptionService {

    /** Points × intervals of one query: a year of hours for 100 points, or 13 years of days for 1000. */
    public static final int MAX_CELLS = 1_000_000;
    /**
     * The same with the readings behind every figure, which make each cell about a kilobyte of JSON:
     * a month by hour for 60 points fits, a year by hour for a building does not.
     */
    public static final int MAX_CELLS_WITH_READINGS = 50_000;

    private final ConsumptionRepository repository;

    public ConsumptionService(ConsumptionRepository repository) {
        this.repository = repository;
    }

    /**
     * @param resource required for sums; for a point, optional (null) and then checked against the point's
     * @param from     the period's start, placed in the target building's time zone
     * @param to       its end (exclusive)
     * @param withReadings whether the caller will show the readings behind each figure (bounds the query's size)
     * @throws NotFoundException   when the target does not exist or is outside the scope
     * @throws BadRequestException when a parameter is missing or wrong
     */
    // one snapshot for all queries, so that installations and readings agree with each other
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public ConsumptionReport report(TargetKind kind, UUID id, Resource resource, TimeParameter from, TimeParameter to,
            Resolution resolution, boolean withReadings, AccessScope scope) {
        Target target = repository.target(kind, id, scope)
                .orElseThrow(() -> new NotFoundException(kind.name().toLowerCase(Locale.ROOT), id));
        Resource res = resource(target, resource);
        Instant start = from.at(target.zone());
        Instant end = to.at(target.zone());
        List<Interval> intervals;
        try {
            intervals = Intervals.of(start, end, resolution, target.zone());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        List<PointRow> points = repository.points(target, res, scope);
        long cells = (long) points.size() * intervals.size();
        if (cells > MAX_CELLS) {
            throw new BadRequestException(points.size() + " points × " + intervals.size() + " intervals is more than "
                    + MAX_CELLS + " figures in one query: shorten the period or choose a coarser resolution");
        }
        if (withReadings && cells > MAX_CELLS_WITH_READINGS) {
            throw new BadRequestException(points.size() + " points × " + intervals.size() + " intervals is more than "
                    + MAX_CELLS_WITH_READINGS + " figures with their readings: ask with readings=false, for a shorter"
                    + " period or a coarser resolution");
        }
        Instant first = intervals.get(0).start();
        Instant last = intervals.get(intervals.size() - 1).end();
        var margin = resolution.maxInterpolationDistance();
        Map<Long, PointInput> inputs = repository.inputs(points, first, last, first.minus(margin), last.plus(margin),
                scope);
        ConsumptionCalculator calculator = ConsumptionCalculator.of(resolution, target.zone());
        List<ConsumptionReport.PointResult> results = new ArrayList<>(points.size());
        for (PointRow p : points) {
            results.add(new ConsumptionReport.PointResult(p, Units.unitOf(p.quantity()),
                    calculator.calculate(inputs.get(p.id()), intervals)));
        }
        List<ConsumptionReport.Total> totals = kind == TargetKind.POINT ? List.of()
                : totals(kind, res, results, intervals);
        return new ConsumptionReport(target, res, resolution, target.zone(), margin, intervals, totals, results);
    }

    private static Resource resource(Target target, Resource r) {
        if (target.kind() == TargetKind.POINT) {
            if (r != null && r != target.pointResource()) {
                throw new BadRequestException("point " + target.publicId() + " measures " + target.pointResource()
                        + ", not " + r);
            }
            return target.pointResource();
        }
        if (r == null) {
            throw new BadRequestException("parameter 'resource' is required for a sum over a "
                    + target.kind().name().toLowerCase(Locale.ROOT) + ": one of " + ResourceParameter.names());
        }
        return r;
    }

    /** One total per group and unit: points counting in different units are never added up. */
    private static List<ConsumptionReport.Total> totals(TargetKind kind, Resource resource,
            List<ConsumptionReport.PointResult> results, List<Interval> intervals) {
        List<ConsumptionReport.Group> groups = kind == TargetKind.BUILDING
                ? List.of(ConsumptionReport.Group.BUILDING_METERS, ConsumptionReport.Group.PREMISES)
                : List.of(ConsumptionReport.Group.PREMISES);
        List<ConsumptionReport.Total> out = new ArrayList<>();
        for (ConsumptionReport.Group group : groups) {
            Map<Unit, List<List<PointInterval>>> byUnit = new LinkedHashMap<>();
            for (ConsumptionReport.PointResult r : results) {
                boolean buildingLevel = r.point().buildingLevel();
                if (buildingLevel == (group == ConsumptionReport.Group.BUILDING_METERS)) {
                    byUnit.computeIfAbsent(r.unit(), u -> new ArrayList<>()).add(r.intervals());
                }
            }
            if (byUnit.isEmpty()) {
                // a building without a common meter still says so, rather than leaving the figure out
                out.add(new ConsumptionReport.Total(group, Units.unitOf(Units.defaultQuantity(resource)), 0,
                        Totals.sum(List.of(), intervals)));
            }
            byUnit.forEach((unit, points) -> out.add(new ConsumptionReport.Total(group, unit, points.size(),
                    Totals.sum(points, intervals))));
        }
        return out;
    }
}
