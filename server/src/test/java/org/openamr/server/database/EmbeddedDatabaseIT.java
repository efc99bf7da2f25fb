package org.openamr.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production path of the embedded database: durable, password-protected, and restartable after a crash. */
class EmbeddedDatabaseIT {

    @TempDir
    Path home;

    private String show(Connection c, String setting) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** pg_hba.conf's rules, without its comments. */
    private static java.util.List<String> rules(Path pgdata) throws java.io.IOException {
        return Files.readAllLines(pgdata.resolve("pg_hba.conf")).stream()
                .filter(l -> !l.isBlank() && !l.trim().startsWith("#")).toList();
    }

    @Test
    void theServersDatabaseIsDurableAndRefusesConnectionsWithoutItsPassword() throws Exception {
        Path passwordFile = home.resolve("database.password");
        try (EmbeddedDatabase db = EmbeddedDatabase.forServer(home.resolve("pgdata"), passwordFile)) {
            DatabaseConnection connection = db.connection(EmbeddedDatabase.DATABASE);
            try (Connection c = DriverManager.getConnection(connection.url(), connection.user(), connection.password())) {
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
            }
            // the binaries it runs: unpacked beside its data, in a folder nobody else may enter
            Path binaries = home.resolve("pg-binaries");
            assertThat(Files.getPosixFilePermissions(binaries)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            long postmaster = Long.parseLong(Files.readAllLines(db.dataDirectory().resolve("postmaster.pid")).get(0));
            assertThat(ProcessHandle.of(postmaster).flatMap(p -> p.info().command()).orElseThrow())
                    .startsWith(binaries.resolve("unpacked").toString() + "/PG-").endsWith("/bin/postgres");
            assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(connection.password()).isEqualTo(Files.readString(passwordFile).trim());
            assertThatThrownBy(() -> DriverManager.getConnection(connection.url(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(connection.url(), "postgres", "wrong-password"))
                    .hasMessageContaining("password authentication failed");
            assertThat(rules(db.dataDirectory())).isNotEmpty().allMatch(rule -> rule.trim().endsWith(" scram-sha-256"));
            try (Connection c = DriverManager.getConnection(connection.url(), connection.user(), connection.password())) {
                ResultSet stored = c.createStatement().executeQuery(
                        "select rolpassword from pg_authid where rolname = current_user");
                assertThat(stored.next()).isTrue();
                assertThat(stored.getString(1)).startsWith("SCRAM-SHA-256$");
            }
        }
        // a second start of the same directory: same password, still no trust
        try (EmbeddedDatabase again = EmbeddedDatabase.forServer(home.resolve("pgdata"), passwordFile)) {
            DatabaseConnection connection = again.connection(EmbeddedDatabase.DATABASE);
            DriverManager.getConnection(connection.url(), connection.user(), connection.password()).close();
        }
    }

    @Test
    void testClustersAreFastAndTrustingByExplicitChoice() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.forTests(home.resolve("pgdata"))) {
            assertThat(db.durability()).isEqualTo(Durability.THROWAWAY);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl("postgres"), "postgres", "")) {
                assertThat(show(c, "fsync")).isEqualTo("off");
            }
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionThatTrustedEveryoneGetsThePassword() throws Exception {
        Path pgdata = home.resolve("pgdata");
        // what earlier versions made: the library's defaults, trust for every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgdata).setCleanDataDirectory(false)
                .start()) {
            old.getPostgresDatabase().getConnection().close();
        }
        assertThat(rules(pgdata)).anyMatch(rule -> rule.contains("trust"));
        try (EmbeddedDatabase db = EmbeddedDatabase.forServer(pgdata, home.resolve("database.password"))) {
            assertThat(rules(pgdata)).isNotEmpty().noneMatch(rule -> rule.contains("trust"));
            String url = db.jdbcUrl("postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            DatabaseConnection connection = db.connection("postgres");
            DriverManager.getConnection(url, connection.user(), connection.password()).close();
        }
    }

    @Test
    void aPostgresLeftByAKilledOwnerIsStoppedWhileALiveOwnerIsRefusedClearly() throws Exception {
        Path pgdata = home.resolve("pgdata");
        Path passwordFile = home.resolve("database.password");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process owner = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseOwner.class.getName(), pgdata.toString(), passwordFile.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready")) {
                // the child's log until it says it runs
            }
            assertThat(line).as("the owner process started its database").startsWith("ready");

            assertThatThrownBy(() -> EmbeddedDatabase.forServer(pgdata, passwordFile))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another OpenAMR server (process " + owner.pid() + ") runs on it");

            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            owner.destroyForcibly();
        }
        long orphan = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives its killed owner")
                .contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.forServer(pgdata, passwordFile)) {
            DatabaseConnection connection = db.connection(EmbeddedDatabase.DATABASE);
            DriverManager.getConnection(connection.url(), connection.user(), connection.password()).close();
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }
}
