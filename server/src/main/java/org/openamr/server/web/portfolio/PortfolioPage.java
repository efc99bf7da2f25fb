package org.openamr.server.web.portfolio;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.Period;
import org.openamr.server.web.alarms.AlarmBadge;

/** The buildings a user sees, with their consumption over the chosen period (by default this month so far). */
public record PortfolioPage(List<BuildingRow> buildings, PeriodChoice choice) {

    /**
     * @param withData apartment point-days with a figure, of {@code cells} (data completeness)
     * @param alarms   its open alarms, null when there are none
     */
    public record BuildingRow(UUID id, String address, ZoneId zone, Period period, List<ResourceRow> resources,
                              long withData, long cells, HeatDisplay heat, AlarmBadge alarms) {
    }

    /** A resource's building meter and the sum of the apartments over the period. */
    public record ResourceRow(Resource resource, PageConsumption.Sum house, PageConsumption.Sum premises) {
    }
}
