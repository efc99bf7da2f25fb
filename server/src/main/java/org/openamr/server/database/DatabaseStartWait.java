package org.openamr.server.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * A database that cannot be reached when the server starts (PostgreSQL still starting after a reboot, a network
 * not up yet) is waited for: the server says so and tries again every {@code openamr.database.retry-every}, for at
 * most {@code openamr.database.wait-at-start}, and starts as soon as it answers. Only unavailability is waited for;
 * a wrong password or a missing database fails the start at once, as waiting would not mend them. The wait is the
 * first thing the server does with its database: the schema is migrated right after it.
 */
@Component
class DatabaseStartWait implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartWait.class);

    private final DatabaseConnection connection;
    private final Duration limit;
    private final Duration every;

    DatabaseStartWait(DatabaseConnection connection, @Value("${openamr.database.wait-at-start:10m}") Duration limit,
            @Value("${openamr.database.retry-every:5s}") Duration every) {
        if (limit.isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("openamr.database.wait-at-start must not be negative and"
                    + " openamr.database.retry-every must be positive, were " + limit + " and " + every);
        }
        this.connection = connection;
        this.limit = limit;
        this.every = every;
    }

    @Override
    public void migrate(Flyway flyway) {
        waitFor(flyway.getConfiguration().getDataSource());
        flyway.migrate();
    }

    private void waitFor(DataSource dataSource) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean waited = false;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                if (waited) {
                    log.info("the database at {} is reachable now; the server starts", connection.shownUrl());
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(
                            "cannot connect to the database at " + connection.shownUrl() + ": " + e.getMessage(), e);
                }
                if (System.nanoTime() + every.toNanos() - deadline > 0) {
                    String within = limit.isZero() ? "" : " within " + said(limit) + " (openamr.database.wait-at-start)";
                    throw new IllegalStateException("the database at " + connection.shownUrl()
                            + " could not be reached" + within + ": " + e.getMessage(), e);
                }
                log.warn("the database at {} cannot be reached ({}); the server waits for it and tries again in {},"
                        + " for at most {} (openamr.database.wait-at-start)", connection.shownUrl(), e.getMessage(),
                        said(every), said(limit));
                waited = true;
                pause();
            }
        }
    }

    /** As the property is written: {@code 5m}, {@code 1h30m}, {@code 500ms}. */
    static String said(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + "ms" : d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private void pause() {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the database at " + connection.shownUrl());
        }
    }
}
