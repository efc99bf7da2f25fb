package org.openamr.server.balance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.openamr.server.consumption.ConsumptionController;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.ResourceParameter;
import org.openamr.server.consumption.TimeParameter;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/buildings/{id}/balance?resource=&from=&to=&resolution=}: the building meter against the
 * sum of the apartments and their difference, per hour, day or month of the building's calendar. Parameters
 * as {@code /api/v1/consumption}'s; the building must be visible as a whole (a resident's own building is
 * not: the sum would show the neighbours), otherwise 404.
 */
@RestController
@Tag(name = "Consumption")
class BalanceController {

    private final Balances balances;
    private final CurrentUser current;

    BalanceController(Balances balances, CurrentUser current) {
        this.balances = balances;
        this.current = current;
    }

    /** Values are exact decimal strings; a missing figure is an explicit null, as in the consumption API. */
    record BalanceJson(UUID building, String timeZone, String resource, String resolution, String unit,
                       String from, String to, int houseMeters, int premisePoints, List<RowJson> intervals) {
    }

    /**
     * @param house    the building meter's sum; status COMPLETE, PARTIAL or GAP
     * @param premises the apartments' sum, with how many of their points have a figure
     */
    record RowJson(String start, String end, SumJson house, SumJson premises,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String difference) {
    }

    record SumJson(@JsonInclude(JsonInclude.Include.ALWAYS) String value, String status, int points,
                   int pointsWithData) {
    }

    @GetMapping("/api/v1/buildings/{id}/balance")
    @Operation(summary = "A building's balance: the building meter against the sum of the apartments, and their"
            + " difference, per interval")
    BalanceJson balance(@PathVariable UUID id,
            @Parameter(description = "HEAT, COLD_WATER, HOT_WATER, ELECTRICITY or GAS")
            @RequestParam(name = "resource", required = false) String resource,
            @Parameter(description = "a date (2026-11-01), a month (2026-11) or an instant; local dates in the"
                    + " building's time zone")
            @RequestParam(name = "from", required = false) String from,
            @Parameter(description = "the end, exclusive; as from")
            @RequestParam(name = "to", required = false) String to,
            @Parameter(description = "HOUR, DAY or MONTH")
            @RequestParam(name = "resolution", defaultValue = "DAY") String resolution) {
        Resolution res = ConsumptionController.resolution(resolution);
        // a missing resource is refused by the consumption service, after the building is found, as a sum's is
        BuildingBalance b = balances.of(id, ResourceParameter.parse(resource), TimeParameter.parse("from", from),
                TimeParameter.parse("to", to), res, current.scope());
        return json(b);
    }

    private static BalanceJson json(BuildingBalance b) {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        Function<Instant, String> time = at -> iso.format(at.atZone(b.zone()).toOffsetDateTime());
        List<RowJson> rows = b.rows().stream().map(row -> new RowJson(time.apply(row.interval().start()),
                time.apply(row.interval().end()), sum(row.house()), sum(row.premises()), number(row.difference())))
                .toList();
        return new BalanceJson(b.building(), b.zone().getId(), b.resource().name(), b.resolution().name(),
                b.unit().symbol(), rows.get(0).start(), rows.get(rows.size() - 1).end(), b.houseMeters(),
                b.premisePoints(), rows);
    }

    private static SumJson sum(TotalInterval t) {
        return new SumJson(number(t.value()), t.status().name(), t.points(), t.withData());
    }

    private static String number(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }
}
