package org.openamr.server.consumption;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/consumption?point=|premise=|entrance=|building=<uuid>&resource=&from=&to=&resolution=}:
 * consumption per hour, day or month of the building's local calendar, with the readings behind
 * every figure ({@code readings=false} leaves them out). Every role may ask; what it sees is bounded
 * by its scope, and anything outside it is 404.
 */
@RestController
@RequestMapping("/api/v1/consumption")
public class ConsumptionController {

    private final ConsumptionService service;
    private final CurrentUser currentUser;

    public ConsumptionController(ConsumptionService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    @GetMapping
    public ConsumptionJson.Report consumption(
            @RequestParam(name = "point", required = false) UUID point,
            @RequestParam(name = "premise", required = false) UUID premise,
            @RequestParam(name = "entrance", required = false) UUID entrance,
            @RequestParam(name = "building", required = false) UUID building,
            @RequestParam(name = "resource", required = false) String resource,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "resolution", defaultValue = "DAY") String resolution,
            @RequestParam(name = "readings", defaultValue = "true") boolean readings) {
        Map<TargetKind, UUID> given = new EnumMap<>(TargetKind.class);
        putIfGiven(given, TargetKind.POINT, point);
        putIfGiven(given, TargetKind.PREMISE, premise);
        putIfGiven(given, TargetKind.ENTRANCE, entrance);
        putIfGiven(given, TargetKind.BUILDING, building);
        if (given.size() != 1) {
            throw new BadRequestException("give exactly one of 'point', 'premise', 'entrance' or 'building'"
                    + " (a public id)"
                    + (given.isEmpty() ? "" : ", not " + given.size()));
        }
        var target = given.entrySet().iterator().next();
        Resolution res = resolution(resolution);
        ConsumptionReport report = service.report(target.getKey(), target.getValue(), ResourceParameter.parse(resource),
                TimeParameter.parse("from", from), TimeParameter.parse("to", to), res, readings, currentUser.scope());
        return ConsumptionJson.of(report, readings);
    }

    private static void putIfGiven(Map<TargetKind, UUID> given, TargetKind kind, UUID id) {
        if (id != null) {
            given.put(kind, id);
        }
    }

    /** A query's {@code resolution}, in any letter case; the balance API reads it the same way. */
    public static Resolution resolution(String text) {
        try {
            return Resolution.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("parameter 'resolution': '" + text + "' is not one of HOUR, DAY, MONTH");
        }
    }
}
