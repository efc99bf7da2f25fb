package org.openamr.server.balance;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.consumption.Interval;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.point.MeteringPoint.Resource;

/**
 * A building's house-minus-apartments balance for one resource: per interval the building meter (ОДПУ) against
 * the sum of the apartments (ΣИПУ) and their difference, the common areas' consumption and the losses.
 *
 * @param unit        the building meter's unit (kWh, m³ …), which the rows are in
 * @param houseMeters the building-level points summed up; 0 when the building has no meter of the resource
 * @param premisePoints the apartments' points of the resource
 */
public record BuildingBalance(UUID building, ZoneId zone, Resource resource, Resolution resolution, Unit unit,
                              int houseMeters, int premisePoints, List<Row> rows) {

    /**
     * @param difference house − apartments; null unless both sums are COMPLETE (a difference of partial sums
     *                   would blame the common areas for a missing flat)
     */
    public record Row(Interval interval, TotalInterval house, TotalInterval premises, BigDecimal difference) {
    }
}
