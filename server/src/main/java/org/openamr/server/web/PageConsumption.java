package org.openamr.server.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TimeParameter;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Component;

/**
 * Consumption as the pages ask for it: for a {@link Period} of whole local days, through {@link ConsumptionService},
 * which applies the caller's scope (a page never computes consumption itself), and summed up over the period.
 * Sums over a period add the intervals' figures; a period is only COMPLETE when each of its intervals is.
 */
@Component
public class PageConsumption {

    /** What the pages show, in this order: an apartment's resources (of the registry's {@link Resource}s). */
    public static final List<Resource> RESOURCES = List.of(Resource.HEAT, Resource.COLD_WATER, Resource.HOT_WATER);

    private final ConsumptionService consumption;

    public PageConsumption(ConsumptionService consumption) {
        this.consumption = consumption;
    }

    public ConsumptionReport report(TargetKind kind, UUID id, Resource resource, Period period, Resolution resolution,
            boolean withReadings, AccessScope scope) {
        return consumption.report(kind, id, resource, from(period), to(period), resolution, withReadings, scope);
    }

    /** The period's first day as a query's {@code from}. */
    public static TimeParameter from(Period period) {
        return new TimeParameter.Day("from", period.from());
    }

    /** The day after the period as a query's {@code to}. */
    public static TimeParameter to(Period period) {
        return new TimeParameter.Day("to", period.to());
    }

    /**
     * A total over a whole period: the sum of the intervals that have one.
     *
     * @param points the points summed up; 0 when the target has no meter of the resource at all
     */
    public record Sum(Unit unit, int points, BigDecimal value, TotalStatus status, long withData, long cells) {

        /** Whether the sum is energy in kWh, which the pages also show in Gcal. */
        public boolean kwh() {
            return unit == Unit.KWH;
        }
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
}
