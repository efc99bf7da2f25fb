package org.openamr.server.audit;

import java.time.Instant;
import java.util.List;
import org.openamr.server.api.Page;
import org.springframework.stereotype.Service;

/** Reading the audit log: who changed what, when, from which value to which. */
@Service
public class AuditService {

    private final AuditRepository log;

    AuditService(AuditRepository log) {
        this.log = log;
    }

    /** One change; {@code before} and {@code after} are the row as JSON text, secrets removed. */
    public record Change(long id, Instant at, String actor, String action, String entity, String entityId,
                         String before, String after) {
    }

    /** Changes newest first, filtered by entity, entity id and actor where given. */
    public Page<Change> list(String entity, String entityId, String actor, int page, int size) {
        Page.check(page, size);
        List<Change> items = log.list(entity, entityId, actor, size, (long) page * size);
        return new Page<>(items, page, size, log.count(entity, entityId, actor));
    }
}
