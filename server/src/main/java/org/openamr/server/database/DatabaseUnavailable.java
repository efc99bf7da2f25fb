package org.openamr.server.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped, restarting,
 * recovering from a crash), which the server answers with 503 and {@code Retry-After} rather than as
 * its own fault: the pool gives up after {@code spring.datasource.hikari.connection-timeout} and
 * reconnects by itself once the database is back.
 */
public final class DatabaseUnavailable {

    /** What a client is told to wait before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-57P03: shut down, crashed, not accepting connections yet
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
