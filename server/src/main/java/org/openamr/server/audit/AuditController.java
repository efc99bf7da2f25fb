package org.openamr.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openamr.server.api.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for administrators: who changed what, when, from which value to which. */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Changes to the registry and to readings, newest first")
    Page<AuditService.Change> list(@RequestParam(required = false) String entity,
            @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return audit.list(entity, entityId, actor, page, size);
    }
}
