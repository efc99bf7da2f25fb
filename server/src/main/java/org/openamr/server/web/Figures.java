package org.openamr.server.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Component;

/**
 * The pages' questions to {@link ConsumptionService}, which applies the caller's scope (a page never
 * computes consumption itself). Sums over a period add the intervals' figures; a period is only
 * COMPLETE when each of its intervals is.
 */
@Component
public class Figures {

    /** What the pages show, in this order: an apartment's resources. */
    public static final List<String> RESOURCES = List.of("HEAT", "COLD_WATER", "HOT_WATER");

    private final ConsumptionService consumption;

    public Figures(ConsumptionService consumption) {
        this.consumption = consumption;
    }

    public ConsumptionReport report(TargetKind kind, UUID id, String resource, Period period, Resolution resolution,
            boolean withReadings, AccessScope scope) {
        return consumption.report(kind, id, resource, period.from().toString(), period.to().toString(), resolution,
                withReadings, scope);
    }

    /**
     * A total over a whole period: the sum of the intervals that have one.
     *
     * @param points the points summed up; 0 when the target has no meter of the resource at all
     */
    public record Sum(String unit, int points, BigDecimal value, TotalStatus status, long withData, long cells) {
    }

    public static Sum sum(ConsumptionReport.Total total) {
        BigDecimal value = null;
        boolean allComplete = true;
        boolean anyValue = false;
        long withData = 0;
        long cells = 0;
        for (TotalInterval i : total.intervals()) {
            if (i.value() != null) {
                value = value == null ? i.value() : value.add(i.value());
                anyValue = true;
            }
            allComplete &= i.status() == TotalStatus.COMPLETE;
            withData += i.withData();
            cells += i.points();
        }
        TotalStatus status = !anyValue ? TotalStatus.GAP : allComplete ? TotalStatus.COMPLETE : TotalStatus.PARTIAL;
        return new Sum(total.unit(), total.points(), value, status, withData, cells);
    }

    /** The report's first total of a group (a group has several only when its points count in different units). */
    public static ConsumptionReport.Total total(ConsumptionReport report, ConsumptionReport.Group group) {
        return report.totals().stream().filter(t -> t.group() == group).findFirst().orElseThrow();
    }
}
