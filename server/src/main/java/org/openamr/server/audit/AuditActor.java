package org.openamr.server.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Names who makes the changes of the current transaction; the database's audit triggers write it
 * next to every change. Call inside the transaction that writes.
 */
@Component
public class AuditActor {

    private final JdbcClient jdbc;

    public AuditActor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param actor e.g. {@code user:ivanov}, {@code concentrator:<channel uuid>}, {@code poller} */
    public void set(String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the audit actor is set per transaction; no transaction is active");
        }
        jdbc.sql("select set_config('openamr.actor', ?, true)").param(actor).query(String.class).single();
    }
}
