package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TaskExecutionOutcome;

/**
 * A new installation's server started with every secret it can be given — the database, SMTP and first
 * administrator's passwords, the metrics token, the server key — and logging as much as Spring Boot's debug mode and
 * DEBUG for the server's own code make it: through its start, a scrape with the token and one with a wrong token,
 * an alarm evaluation and its stop, none of them appears in what it printed. Nor does an error: a fresh database is
 * where a tick's query finds nothing at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfTheLogIT {

    @TempDir
    Path home;

    @Test
    void noSecretIsPrintedFromStartToStop(CapturedOutput output) throws Exception {
        String suffix = Long.toString(ProcessHandle.current().pid());
        String dbPassword = "db-Password-" + suffix;
        String smtpPassword = "smtp-Password-" + suffix;
        String adminPassword = "admin-Password-" + suffix;
        String metricsToken = "metrics-Token-0123456789-" + suffix;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String serverKey = Base64.getEncoder().encodeToString(key);
        TestDatabases.Database db = TestDatabases.fresh();

        SpringApplication app = new SpringApplication(OpenAmrServer.class);
        try (ConfigurableApplicationContext server = app.run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + dbPassword, "--openamr.data-dir=" + home,
                "--openamr.initial-admin-password=" + adminPassword, "--openamr.secret-key=" + serverKey,
                "--openamr.reports.mail.enabled=true", "--openamr.reports.mail.host=127.0.0.1",
                "--openamr.reports.mail.port=" + closedPort(), "--openamr.reports.mail.username=mailer",
                "--openamr.reports.mail.password=" + smtpPassword, "--openamr.metrics.token=" + metricsToken,
                "--openamr.alarms.tick=1s", "--debug", "--logging.level.org.openamr=DEBUG")) {
            int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpClient http = HttpClient.newHttpClient();
            URI prometheus = URI.create("http://localhost:" + port + "/actuator/prometheus");
            assertThat(http.send(HttpRequest.newBuilder(prometheus).header("Authorization", "Bearer " + metricsToken)
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(prometheus).header("Authorization", "Bearer " + metricsToken
                    + "-wrong").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            awaitAlarmEvaluation(server);
        }

        String printed = output.getAll();
        assertThat(printed).as("the first administrator was made, and said so")
                .contains("created 'admin' with openamr.initial-admin-password")
                .contains("CONDITIONS EVALUATION REPORT");
        for (String secret : List.of(dbPassword, smtpPassword, adminPassword, metricsToken, serverKey)) {
            assertThat(printed).doesNotContain(secret);
        }
        assertThat(printed).doesNotContain("alarm evaluation failed", " ERROR ");
    }

    /** Until the alarm evaluation's tick has run to its end at least once. */
    private static void awaitAlarmEvaluation(ConfigurableApplicationContext server) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            boolean ran = server.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                    .flatMap(h -> h.getScheduledTasks().stream()).map(t -> t.getTask())
                    .filter(t -> t.getRunnable().toString().endsWith("AlarmScheduler.tick"))
                    .anyMatch(t -> t.getLastExecutionOutcome().status() == TaskExecutionOutcome.Status.SUCCESS);
            if (ran) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the alarm evaluation's tick did not run within 60 s");
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
