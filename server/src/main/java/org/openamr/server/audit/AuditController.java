package org.openamr.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.openamr.server.api.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for administrators: who changed what, when, from which value to which. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One change; {@code before} and {@code after} are the row as JSON text, secrets removed. */
    record Change(long id, Instant at, String actor, String action, String entity, String entityId, String before,
                  String after) {
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Changes to the registry and to readings, newest first")
    Page<Change> list(@RequestParam(required = false) String entity, @RequestParam(required = false) String entityId,
            @RequestParam(required = false) String actor, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        Page.check(page, size);
        String where = " from audit_log where (cast(:entity as text) is null or entity = :entity)"
                + " and (cast(:entityId as text) is null or entity_id = :entityId)"
                + " and (cast(:actor as text) is null or actor = :actor)";
        List<Change> items = jdbc.sql("select *" + where + " order by id desc limit :size offset :offset")
                .param("entity", entity).param("entityId", entityId).param("actor", actor)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getString("before"), rs.getString("after"))).list();
        long total = jdbc.sql("select count(*)" + where).param("entity", entity).param("entityId", entityId)
                .param("actor", actor).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }
}
