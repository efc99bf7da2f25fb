package org.openamr.server.web.building;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.web.Chart;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.PageConsumption;
import org.openamr.server.web.Period;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.alarms.AlarmBadge;

/**
 * A building: its apartments coloured by the state of their data, and per resource the building meter
 * (ОДПУ) against the sum of the apartments (ΣИПУ), by month and by day.
 *
 * @param resource the resource the balance and charts are for
 * @param period   the days the summaries are for: the chosen ones, by default this month so far
 * @param alarms   its open alarms, null when there are none
 */
public record BuildingPage(UUID id, String address, ZoneId zone, Resource resource, List<Entrance> entrances,
                           Period period, List<Summary> summaries, Balance months, Balance days,
                           StatusCounts counts, PeriodChoice choice, HeatDisplay heat, AlarmBadge alarms) {

    public record Entrance(Integer number, List<Tile> apartments) {
    }

    /** @param status FRESH, STALE, ERROR or NO_DATA */
    public record Tile(UUID id, String number, Integer floor, String status, String age) {
    }

    public record StatusCounts(long fresh, long stale, long error, long noData) {
    }

    /** A resource over the period: both totals. */
    public record Summary(Resource resource, PageConsumption.Sum house, PageConsumption.Sum premises) {
    }

    /** Rows of the balance table; the chart's data is the same figures, as JSON for the page's script. */
    public record Balance(Unit unit, List<Row> rows, Chart chart, String chartJson) {

        /** Whether the figures are energy in kWh, which the table shows in the heat display's two units. */
        public boolean kwh() {
            return unit == Unit.KWH;
        }
    }

    /**
     * @param difference house − apartments: common-area consumption and losses; null unless both are known
     */
    public record Row(java.time.Instant start, BigDecimal house, String houseStatus, BigDecimal premises,
                      String premisesStatus, BigDecimal difference, long withData, long points) {
    }
}
