package org.openamr.server.balance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openamr.server.consumption.ConsumptionReport;
import org.openamr.server.consumption.ConsumptionService;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.consumption.TimeParameter;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;
import org.openamr.server.point.MeteringPoint.Resource;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Service;

/**
 * The house-minus-apartments balance of a building, for the building page and {@code GET
 * /api/v1/buildings/{id}/balance} alike. The figures are {@link ConsumptionService}'s building sums; a
 * building's sums need the whole building in scope, so a building outside it, or a resident's own, is not
 * found.
 */
@Service
public class Balances {

    private final ConsumptionService consumption;

    public Balances(ConsumptionService consumption) {
        this.consumption = consumption;
    }

    /**
     * @throws org.openamr.server.api.NotFoundException   when the building is not there for the scope as a whole
     * @throws org.openamr.server.api.BadRequestException when the period or resolution cannot be answered
     */
    public BuildingBalance of(UUID building, Resource resource, TimeParameter from, TimeParameter to,
            Resolution resolution, AccessScope scope) {
        ConsumptionReport report = consumption.report(TargetKind.BUILDING, building, resource, from, to, resolution,
                false, scope);
        return balance(building, report, resolution);
    }

    /** The balance of a building's consumption report (a BUILDING target), as {@link #of} makes it. */
    public static BuildingBalance balance(UUID building, ConsumptionReport report, Resolution resolution) {
        ConsumptionReport.Total house = report.total(ConsumptionReport.Group.BUILDING_METERS);
        ConsumptionReport.Total flats = report.total(ConsumptionReport.Group.PREMISES);
        List<BuildingBalance.Row> rows = new ArrayList<>(report.intervals().size());
        for (int i = 0; i < report.intervals().size(); i++) {
            TotalInterval h = house.intervals().get(i);
            TotalInterval f = flats.intervals().get(i);
            BigDecimal diff = h.status() == TotalStatus.COMPLETE && f.status() == TotalStatus.COMPLETE
                    ? h.value().subtract(f.value()) : null;
            rows.add(new BuildingBalance.Row(report.intervals().get(i), h, f, diff));
        }
        return new BuildingBalance(building, report.zone(), report.resource(), resolution, house.unit(),
                house.points(), flats.points(), rows);
    }
}
