package org.openamr.server.web.apartment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.web.HeatDisplay;
import org.openamr.server.web.PeriodChoice;
import org.openamr.server.web.alarms.AlarmLine;

/**
 * An apartment: per resource its monthly consumption with the readings each figure rests on, its meters
 * and their events.
 *
 * @param building null when the building's page is not for this user (a resident)
 * @param alarms   its open alarms, newest first
 * @param resident whether the reader lives there: alarms in plain words
 */
public record ApartmentPage(UUID id, String number, Integer entrance, Integer floor, String address,
                            UUID building, ZoneId zone, List<ResourceTable> resources, List<MeterInfo> meters,
                            List<MeterEvent> events, PeriodChoice choice, HeatDisplay heat, List<AlarmLine> alarms,
                            boolean resident) {

    /**
     * @param unit      kWh, m³ …; heat is shown in the page's {@link HeatDisplay} units ({@code first}, {@code second}
     *                  on each row)
     * @param chartJson the rows oldest first as a {@link org.openamr.server.web.Chart} (heat in the first unit), for
     *                  the page's script
     */
    public record ResourceTable(Resource resource, String unit, boolean heat, List<Month> months, String chartJson) {
    }

    /**
     * One month of one point: the figure, and the register values at both ends with where they came from.
     *
     * @param first      heat: the figure in the unit shown first, exact; else null
     * @param second     heat: the figure in the unit shown second, exact; else null
     * @param soFarUntil for some days of a month (this month so far, a chosen period's ends): the last day the
     *                   figure covers; null for a whole month
     * @param since      the first day when the row starts after the month's first day; else null
     */
    public record Month(Instant start, BigDecimal value, BigDecimal first, BigDecimal second, String status,
                        boolean interpolated, List<Reading> from, List<Reading> to, List<String> problems,
                        LocalDate soFarUntil, LocalDate since) {
    }

    /** A boundary value: the meter, the value, how it was known (due date, reading, interpolated, act). */
    public record Reading(String meter, Instant at, BigDecimal value, String unit, String source) {
    }

    public record MeterInfo(UUID id, String serial, String manufacturer, String model, String medium,
                            List<String> resources, LocalDate verifiedOn, LocalDate nextVerification,
                            Instant lastReading, boolean fresh) {
    }
}
