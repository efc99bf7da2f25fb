package org.openamr.server.event;

import org.openamr.server.api.TimeBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.meter.MeterVisibility;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.openamr.server.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Events")
class EventController {

    private final JdbcClient jdbc;
    private final CurrentUser current;

    EventController(JdbcClient jdbc, CurrentUser current) {
        this.jdbc = jdbc;
        this.current = current;
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Meter events (conditions raised and cleared), newest first")
    Page<MeterEvent> list(@RequestParam(required = false) UUID meter, @RequestParam(required = false) UUID building,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        TimeBounds.check("from", from);
        TimeBounds.check("to", to);
        AccessScope scope = current.scope();
        Sql where = MeterVisibility.reading(scope, "e.meter_id", "e.occurred_at")
                .and(Sql.of("e.occurred_at >= :from and e.occurred_at < :to")
                        .param("from", Timestamp.from(from == null ? Instant.parse("2000-01-01T00:00:00Z") : from))
                        .param("to", Timestamp.from(to == null ? Instant.now().plusSeconds(86_400) : to)));
        if (meter != null) {
            where = where.and(Sql.of("m.public_id = :meter").param("meter", meter));
        }
        if (building != null) {
            where = where.and(Sql.of("""
                    exists (select 1 from meter_installation i join metering_point p on p.id = i.point_id
                            join building b on b.id = p.building_id
                            where i.meter_id = m.id and b.public_id = :building)""").param("building", building));
        }
        return Page.of(jdbc, "select m.public_id, m.serial, e.occurred_at, e.kind, e.code, e.label_en, e.label_ru, e.source",
                Sql.format("from meter_event e join meter m on m.id = e.meter_id where %s", where),
                "e.occurred_at desc, e.id desc", (rs, n) -> new MeterEvent(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8)), page, size);
    }
}
