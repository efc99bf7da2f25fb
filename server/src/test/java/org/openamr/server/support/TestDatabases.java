package org.openamr.server.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.openamr.server.database.EmbeddedDatabase;

/**
 * A fresh database for each Spring test context: on the machine's PostgreSQL when
 * {@code -Dopenamr.test.postgres=jdbc:postgresql://host:port/} names one (CI does when it finds
 * one), else on one embedded cluster shared by the whole test JVM.
 */
public final class TestDatabases {

    public static final String EXTERNAL_PROPERTY = "openamr.test.postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase embedded;

    private TestDatabases() {
    }

    public record Database(String url, String user) {
    }

    /** Leaves the shared server as it was found; best effort, as the JVM is going away. */
    private static void drop(String base, String name) {
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    public static synchronized Database fresh() {
        String name = "openamr_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String external = System.getProperty(EXTERNAL_PROPERTY, "");
        if (!external.isBlank()) {
            String base = external.endsWith("/") ? external : external + "/";
            try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name);
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test database on " + external + ": " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(base, name)));
            return new Database(base + name, "postgres");
        }
        if (embedded == null) {
            embedded = EmbeddedDatabase.forTests(Path.of("target", "embedded-pg-" + ProcessHandle.current().pid()));
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
        embedded.createDatabaseIfMissing(name);
        return new Database(embedded.jdbcUrl(name), "postgres");
    }
}
