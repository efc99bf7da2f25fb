package org.openamr.server.monitoring;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code database}: whether the server's PostgreSQL accepts a connection and answers, within seconds. */
final class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseProbe probe;

    DatabaseHealthIndicator(DatabaseProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        try (Connection c = probe.connect()) {
            if (!c.isValid(DatabaseProbe.CONNECT_TIMEOUT_SECONDS)) {
                return Health.down().withDetail("url", probe.url())
                        .withDetail("error", "the database accepted a connection but did not answer").build();
            }
            DatabaseMetaData meta = c.getMetaData();
            return Health.up().withDetail("url", probe.url())
                    .withDetail("version", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            return Health.down().withDetail("url", probe.url())
                    .withDetail("error", "the database cannot be reached: " + e.getMessage()).build();
        }
    }
}
