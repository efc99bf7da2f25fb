package org.openamr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.ingest.ConcentratorTokens;
import org.openamr.server.security.Role;
import org.openamr.server.support.World;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real server on its embedded database, which is stopped and started again under it: while it is
 * down, requests are answered 503 with Retry-After within seconds; once it is back, they succeed again
 * without a restart of the server.
 */
class DatabaseOutageIT {

    /** Generous: the pool gives up after 10 s; what matters is that nobody waits half a minute. */
    private static final Duration QUICKLY = Duration.ofSeconds(15);

    @TempDir
    Path home;

    ConfigurableApplicationContext server;
    int port;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        server = new SpringApplication(OpenAmrServer.class).run("--server.port=0",
                "--openamr.data-dir=" + home, "--openamr.initial-admin.enabled=false",
                "--logging.level.root=WARN");
        port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String token, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", accept)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> push(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ingest/v1/readouts"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"version": 1, "concentrator": {"id": "outage", "software": "test"},
                         "meters": [{"serial": "72000001", "manufacturer": "DFS", "version": 1, "medium": 7,
                           "readAt": "2026-11-02T00:00:00Z", "values": [{"quantity": "VOLUME", "unit": "m3",
                           "at": "2026-11-02T00:00:00Z", "value": "12.345"}]}]}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whileTheDatabaseIsDownRequestsAre503WithRetryAfterAndAfterwardsTheServerWorksAgain() throws Exception {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        World world = World.in(jdbc, "{noop}not-used-here");
        String token = world.tokens.get(Role.ADMIN);
        assertThat(get("/api/v1/buildings", token, "application/json").statusCode()).isEqualTo(200);
        long channel = jdbc.sql("insert into acquisition_channel (kind, name) values ('CONCENTRATOR', 'outage')"
                + " returning id").query(Long.class).single();
        String concentrator = server.getBean(ConcentratorTokens.class).issue(channel);
        assertThat(get("/actuator/health/readiness", null, "application/json").body()).isEqualTo("{\"status\":\"UP\"}");

        EmbeddedDatabase db = server.getBean(EmbeddedDatabase.class);
        db.stopPostgres();
        try {
            long started = System.nanoTime();
            HttpResponse<String> api = get("/api/v1/buildings", token, "application/json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).contains("10");
            assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(api.body()).contains("\"status\":503", "the database is unreachable", "/api/v1/buildings");

            started = System.nanoTime();
            HttpResponse<String> page = get("/meters?lang=en", token, "text/html");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Retry-After")).contains("10");
            assertThat(page.body()).contains("id=\"unavailable\"").doesNotContain("Exception");

            // a concentrator is told to come back, not that its readings were taken
            started = System.nanoTime();
            HttpResponse<String> ingest = push(concentrator);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
            assertThat(ingest.statusCode()).as(ingest.body()).isEqualTo(503);
            assertThat(ingest.headers().firstValue("Retry-After")).contains("10");
            assertThat(ingest.body()).contains("the database is unreachable");

            // not ready while the database is away: a balancer sends no one here
            started = System.nanoTime();
            HttpResponse<String> readiness = get("/actuator/health/readiness", null, "application/json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(get("/actuator/health/liveness", null, "application/json").statusCode())
                    .as("alive all the same: restarting it would not bring the database back").isEqualTo(200);
        } finally {
            db.startPostgres();
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status;
        do {
            status = get("/api/v1/buildings", token, "application/json").statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        } while (status != 200 && System.nanoTime() < end);
        assertThat(status).as("the API once the database is back, with the same server").isEqualTo(200);
        assertThat(get("/actuator/health/readiness", null, "application/json").statusCode()).isEqualTo(200);
        HttpResponse<String> again = push(concentrator);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"readingsNew\":1");
        assertThat(jdbc.sql("select r.value from reading r join register g on g.id = r.register_id"
                + " join meter m on m.id = g.meter_id where m.serial = '72000001'").query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("12.345");
        // its concentrator could not even be recognised while the database was away
        assertThat(get("/actuator/prometheus", token, "text/plain").body()).contains(
                "openamr_pushes_rejected_total{channel=\"unknown\",reason=\"database_unavailable\"} 1.0");
    }
}
