package org.openamr.server.consumption;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

    /** One figure set of a {@link #reports} call: a target and the resource summed over it. */
    public record Request(TargetKind kind, UUID id, Resource resource) {
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
        return reports(List.of(new Request(kind, id, resource)), from, to, resolution, withReadings, scope).get(0);
    }

    /**
     * {@link #report} for many targets at once — a statement of every building of a portfolio — in the same
     * handful of queries as one: one report per request, in order, each as {@code report} gives it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ConsumptionReport> reports(List<Request> requests, TimeParameter from, TimeParameter to,
            Resolution resolution, boolean withReadings, AccessScope scope) {
        repository.planForEachQuery();
        Map<TargetKind, Map<UUID, Target>> found = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : TargetKind.values()) {
            List<UUID> ids = requests.stream().filter(r -> r.kind() == kind).map(Request::id).distinct().toList();
            if (!ids.isEmpty()) {
                found.put(kind, repository.targets(kind, ids, scope));
            }
        }
        List<Target> targets = new ArrayList<>(requests.size());
        List<Resource> resources = new ArrayList<>(requests.size());
        List<List<Interval>> intervals = new ArrayList<>(requests.size());
        Map<ZoneId, List<Interval>> byZone = new HashMap<>();
        for (Request r : requests) {
            Target target = found.get(r.kind()).get(r.id());
            if (target == null) {
                throw new NotFoundException(r.kind().name().toLowerCase(Locale.ROOT), r.id());
            }
            targets.add(target);
            resources.add(resource(target, r.resource()));
            intervals.add(byZone.computeIfAbsent(target.zone(), zone -> {
                try {
                    return Intervals.of(from.at(zone), to.at(zone), resolution, zone);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(e.getMessage());
                }
            }));
        }
        var margin = resolution.maxInterpolationDistance();
        List<ConsumptionRepository.TargetWindow> windows = new ArrayList<>(requests.size());
        for (int n = 0; n < requests.size(); n++) {
            List<Instant> boundaries = boundaries(intervals.get(n));
            windows.add(new ConsumptionRepository.TargetWindow(targets.get(n).kind(), targets.get(n).id(),
                    resources.get(n), boundaries, boundaries.get(0).minus(margin),
                    boundaries.get(boundaries.size() - 1).plus(margin)));
        }
        List<ConsumptionRepository.TargetPoints> points = repository.points(windows, scope);
        for (int n = 0; n < requests.size(); n++) {
            int size = points.get(n).points().size();
            List<Interval> iv = intervals.get(n);
            long cells = (long) size * iv.size();
            if (cells > MAX_CELLS) {
                throw new BadRequestException(size + " points × " + iv.size()
                        + " intervals is more than " + MAX_CELLS
                        + " figures in one query: shorten the period or choose a coarser resolution");
            }
            if (withReadings && cells > MAX_CELLS_WITH_READINGS) {
                throw new BadRequestException(size + " points × " + iv.size()
                        + " intervals is more than " + MAX_CELLS_WITH_READINGS + " figures with their readings: ask"
                        + " with readings=false, for a shorter period or a coarser resolution");
            }
        }
        List<List<PointInput>> inputs = repository.inputs(points);
        List<ConsumptionReport> out = new ArrayList<>(requests.size());
        for (int n = 0; n < requests.size(); n++) {
            Target target = targets.get(n);
            ConsumptionCalculator calculator = ConsumptionCalculator.of(resolution, target.zone());
            List<PointRow> rows = points.get(n).points();
            List<ConsumptionReport.PointResult> results = new ArrayList<>(rows.size());
            for (int k = 0; k < rows.size(); k++) {
                PointRow p = rows.get(k);
                PointInput input = inputs.get(n).get(k);
                results.add(new ConsumptionReport.PointResult(p, Units.unitOf(p.quantity()),
                        calculator.calculate(input, intervals.get(n)), input.installations()));
            }
            List<ConsumptionReport.Total> totals = target.kind() == TargetKind.POINT ? List.of()
                    : totals(target.kind(), resources.get(n), results, intervals.get(n));
            out.add(new ConsumptionReport(target, resources.get(n), resolution, target.zone(), margin,
                    intervals.get(n), totals, results));
        }
        return out;
    }

    /** The intervals' edges: each start, and the last end. */
    private static List<Instant> boundaries(List<Interval> intervals) {
        List<Instant> out = new ArrayList<>(intervals.size() + 1);
        intervals.forEach(i -> out.add(i.start()));
        out.add(intervals.get(intervals.size() - 1).end());
        return out;
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
