package org.openamr.server.web.apartment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * An apartment: per resource its monthly consumption with the readings each figure rests on, its meters
 * and their events.
 *
 * @param building null when the building's page is not for this user (a resident)
 */
public record ApartmentPage(UUID id, String number, Integer entrance, Integer floor, String address,
                            UUID building, ZoneId zone, List<ResourceTable> resources, List<MeterInfo> meters,
                            List<MeterEvent> events) {

    /**
     * @param unit      kWh, m³ …; heat also in Gcal ({@code gcal} on each row)
     * @param chartJson the months oldest first as a {@link org.openamr.server.web.Chart} (heat in Gcal), for the
     *                  page's script
     */
    public record ResourceTable(Resource resource, String unit, boolean heat, List<Month> months, String chartJson) {
    }

    /**
     * One month of one point: the figure, and the register values at both ends with where they came from.
     *
     * @param gcal       the figure in Gcal when the unit is kWh (heat), else null
     * @param soFarUntil for this month: the last whole day the figure covers; null for a past month
     */
    public record Month(Instant start, BigDecimal value, BigDecimal gcal, String status, boolean interpolated,
                        List<Reading> from, List<Reading> to, List<String> problems, LocalDate soFarUntil) {
    }

    /** A boundary value: the meter, the value, how it was known (due date, reading, interpolated, act). */
    public record Reading(String meter, Instant at, BigDecimal value, String unit, String source) {
    }

    public record MeterInfo(UUID id, String serial, String manufacturer, String model, String medium,
                            List<String> resources, LocalDate verifiedOn, LocalDate nextVerification,
                            Instant lastReading, boolean fresh) {
    }
}
