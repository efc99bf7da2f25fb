package org.openamr.server.audit;

import java.util.List;
import org.openamr.server.audit.AuditService.Change;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** The audit log in {@code audit_log}, which the database's triggers write. */
@Repository
public class AuditRepository {

    private static final String WHERE = " from audit_log where (cast(:entity as text) is null or entity = :entity)"
            + " and (cast(:entityId as text) is null or entity_id = :entityId)"
            + " and (cast(:actor as text) is null or actor = :actor)";

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changes newest first; a null filter admits every value. */
    List<Change> list(String entity, String entityId, String actor, int limit, long offset) {
        return filtered("select *" + WHERE + " order by id desc limit :size offset :offset", entity, entityId, actor)
                .param("size", limit).param("offset", offset)
                .query((rs, n) -> new Change(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getString("before"), rs.getString("after"))).list();
    }

    long count(String entity, String entityId, String actor) {
        return filtered("select count(*)" + WHERE, entity, entityId, actor).query(Long.class).single();
    }

    private StatementSpec filtered(String sql, String entity, String entityId, String actor) {
        return jdbc.sql(sql).param("entity", entity).param("entityId", entityId).param("actor", actor);
    }
}
