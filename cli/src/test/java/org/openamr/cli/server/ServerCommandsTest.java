package org.openamr.cli.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import org.junit.jupiter.api.Test;
import org.openamr.cli.CliRun;

class ServerCommandsTest {

    @Test
    void demoExplainsItselfInBothLanguages() {
        CliRun run = CliRun.of("demo", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: openamr demo", "--port", "--data-dir", "virtual M-Bus",
                "виртуальной шине M-Bus", "not for production");
    }

    @Test
    void serverExplainsItsDatabaseOptions() {
        CliRun run = CliRun.of("server", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: openamr server", "--port", "--data-dir", "--db-url", "--db-user",
                "--db-password", "SPRING_DATASOURCE_URL", "встроенной PostgreSQL", "--log-format=text|json",
                "server.port of the configuration");
    }

    @Test
    void theLogIsTextOrJson() {
        assertThat(CliRun.of("demo", "--help").out()).contains("--log-format=text|json", "standard error");
        CliRun xml = CliRun.of("server", "--log-format", "xml");
        assertThat(xml.exit()).isEqualTo(2);
        assertThat(xml.err()).contains("--log-format", "xml");
    }

    @Test
    void aFailedStartSaysWhyInOneLine() {
        Exception portTaken = new IllegalStateException("Failed to start bean 'webServerStartStop'",
                new org.springframework.boot.web.server.PortInUseException(8080));
        assertThat(ServerRun.reason(portTaken)).isEqualTo(
                "port 8080 is in use: stop what listens there or give another with --port");
        IllegalStateException database = new IllegalStateException("cannot start the embedded PostgreSQL in /x/pgdata"
                + " (is another OpenAMR server using it?): lock held");
        database.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.openamr.server.database.EmbeddedDatabase", "start", null, 1)});
        Exception wrapped = new RuntimeException("Error creating bean with name 'embeddedDatabase'", database);
        wrapped.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.springframework.beans.Factory", "create", null, 1)});
        assertThat(ServerRun.reason(wrapped)).startsWith("cannot start the embedded PostgreSQL in /x/pgdata");
    }

    @Test
    void bothAreListedAndWrongOptionsStopBeforeAnythingStarts() {
        assertThat(CliRun.of("--help").out()).contains("server", "demo");
        CliRun badPort = CliRun.of("demo", "--port", "70000");
        assertThat(badPort.exit()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port must be 1..65535, got 70000");
        // with a database in the environment the server would start: only its absence is checked here
        assumeThat(System.getenv("SPRING_DATASOURCE_URL")).isNull();
        CliRun userWithoutUrl = CliRun.of("server", "--db-user", "x");
        assertThat(userWithoutUrl.exit()).isEqualTo(2);
        assertThat(userWithoutUrl.err()).contains("--db-user and --db-password need --db-url");
    }
}
