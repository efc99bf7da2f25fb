package org.openamr.server.event;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events")
class EventController {

    private final MeterEvents events;
    private final CurrentUser current;

    EventController(MeterEvents events, CurrentUser current) {
        this.events = events;
        this.current = current;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Meter events (conditions raised and cleared), newest first")
    Page<MeterEvent> list(@RequestParam(required = false) UUID meter, @RequestParam(required = false) UUID building,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return events.list(current.scope(), meter, building, from, to, page, size);
    }
}
