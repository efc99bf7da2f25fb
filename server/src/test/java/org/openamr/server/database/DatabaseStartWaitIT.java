package org.openamr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.server.OpenAmrServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real server started while its database is down: it says so and waits, and once the database is up it
 * starts without being started again, ready. A wait that runs out fails the start with the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartWaitIT {

    private static final String WAITING = "cannot be reached";

    @TempDir
    Path home;

    private static CompletableFuture<ConfigurableApplicationContext> start(EmbeddedDatabase db, Path home,
            String waitAtStart) {
        return CompletableFuture.supplyAsync(() -> new SpringApplication(OpenAmrServer.class).run("--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl("openamr"), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--openamr.data-dir=" + home, "--openamr.initial-admin.enabled=false",
                "--openamr.database.wait-at-start=" + waitAtStart, "--openamr.database.retry-every=1s",
                "--logging.level.root=WARN"));
    }

    @Test
    void theServerWaitsForItsDatabaseAndStartsOnceItIsUp(CapturedOutput output) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.forTests(home.resolve("pgdata"))) {
            db.createDatabaseIfMissing("openamr");
            db.stopPostgres();
            CompletableFuture<ConfigurableApplicationContext> starting = start(db, home, "5m");
            long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!output.getOut().contains(WAITING) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            assertThat(output.getOut()).contains("the database at " + db.jdbcUrl("openamr") + " " + WAITING,
                    "the server waits for it and tries again in 1s, for at most 5m (openamr.database.wait-at-start)");
            assertThat(starting).as("still waiting").isNotDone();

            db.startPostgres();
            try (ConfigurableApplicationContext server = starting.get(120, TimeUnit.SECONDS)) {
                int port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void aWaitThatRunsOutFailsTheStartWithTheReason() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.forTests(home.resolve("pgdata"))) {
            db.stopPostgres();
            try {
                start(db, home, "2s").join();
                throw new AssertionError("the server started without its database");
            } catch (java.util.concurrent.CompletionException e) {
                assertThat(causes(e)).contains("the database at " + db.jdbcUrl("openamr") + " could not be reached"
                        + " within 2s (openamr.database.wait-at-start)");
            } finally {
                db.startPostgres();
            }
        }
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }
}
