package org.openamr.server.web.meters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.meter.MeterOverview;

/**
 * Every meter the user sees, as one page of a filtered, sorted list.
 *
 * @param problems   filter values that could not be used, as message keys with the value
 * @param filterable whether the user sees more than one meter, so that the filter has something to choose
 */
public record MetersPage(MetersFilter filter, List<Choice> buildings, List<String> resources, List<Row> rows,
                         long total, int pages, long silenceHours, List<Problem> problems, boolean filterable) {

    public record Choice(UUID id, String label) {
    }

    public record Problem(String key, String value) {
    }

    /**
     * @param overdue whether the next verification date has passed where the meter is
     */
    public record Row(UUID id, String serial, String manufacturer, String model, String medium,
                      MeterOverview.Place place, ZoneId zone, Instant lastReading, String state,
                      List<MeterOverview.Condition> conditions, LocalDate nextVerification, boolean overdue,
                      boolean everInstalled) {
    }

    /** The first and last row's number on this page, for "21–40 of 113". */
    public long first() {
        return total == 0 ? 0 : (long) (filter.page() - 1) * MetersFilter.PAGE_SIZE + 1;
    }

    public long last() {
        return Math.min(total, (long) filter.page() * MetersFilter.PAGE_SIZE);
    }
}
