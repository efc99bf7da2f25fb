package org.openamr.server.monitoring;

import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code migrations}: whether the schema is the one this build expects — every migration it ships applied,
 * none failed. A server whose schema lags (another instance is still migrating, or a migration failed) must not
 * take traffic.
 */
final class MigrationsHealthIndicator implements HealthIndicator {

    private final Flyway flyway;
    private final DatabaseProbe probe;

    MigrationsHealthIndicator(Flyway flyway, DatabaseProbe probe) {
        this.flyway = flyway;
        this.probe = probe;
    }

    @Override
    public Health health() {
        MigrationInfoService info;
        try {
            // the server's own Flyway settings, on a connection of the probe's rather than one of the pool
            info = Flyway.configure(flyway.getConfiguration().getClassLoader())
                    .configuration(flyway.getConfiguration()).dataSource(probe.dataSource()).load().info();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "the schema history cannot be read: " + e.getMessage()).build();
        }
        List<String> pending = versions(info.pending());
        List<String> failed = versions(Arrays.stream(info.all())
                .filter(m -> m.getState() == MigrationState.FAILED).toArray(MigrationInfo[]::new));
        MigrationInfo current = info.current();
        Health.Builder health = pending.isEmpty() && failed.isEmpty() ? Health.up() : Health.down();
        health.withDetail("version", current == null || current.getVersion() == null ? "none"
                : current.getVersion().getVersion());
        health.withDetail("pending", pending);
        if (!failed.isEmpty()) {
            health.withDetail("failed", failed);
        }
        return health.build();
    }

    private static List<String> versions(MigrationInfo[] migrations) {
        return Arrays.stream(migrations).map(m -> m.getVersion() == null ? m.getDescription()
                : m.getVersion().getVersion() + " " + m.getDescription()).toList();
    }
}
