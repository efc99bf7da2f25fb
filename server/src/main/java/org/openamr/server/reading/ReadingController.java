package org.openamr.server.reading;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.TimeBounds;
import org.openamr.server.api.Page;
import org.openamr.server.meter.Meters;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Readings")
class ReadingController {

    private final Readings readings;
    private final Meters meters;
    private final CurrentUser current;

    ReadingController(Readings readings, Meters meters, CurrentUser current) {
        this.readings = readings;
        this.meters = meters;
        this.current = current;
    }

    @GetMapping("/api/v1/meters/{id}/readings")
    @Operation(summary = "A meter's stored register values, newest first; from inclusive, to exclusive")
    Page<Reading> ofMeter(@PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String quantity,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        AccessScope scope = current.scope();
        Instant end = to == null ? Instant.now().plusSeconds(86_400) : to;
        Instant start = from == null ? end.minusSeconds(31L * 86_400) : from;
        if (!start.isBefore(end)) {
            throw new BadRequestException("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        return readings.ofMeter(scope, meters.internalId(scope, id), start, end,
                quantity == null ? null : quantity.toUpperCase(), page, size);
    }
}
