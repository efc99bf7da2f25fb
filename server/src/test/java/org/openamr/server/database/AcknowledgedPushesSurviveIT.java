package org.openamr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.ingest.ConcentratorTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real server on its embedded database (the path of {@code openamr server}): concentrators push
 * while a PostgreSQL backend is killed with SIGKILL three times, as the OOM killer would; every push
 * the server answered with 2xx must be stored afterwards. With commits acknowledged before their WAL
 * is flushed (the library's test defaults) pushes answered 200 are lost.
 */
class AcknowledgedPushesSurviveIT {

    private static final int PUSHERS = 4;
    private static final Instant BASE = Instant.parse("2026-11-02T00:00:00Z");

    @TempDir
    Path home;

    ConfigurableApplicationContext server;
    int port;
    DatabaseConnection connection;

    @BeforeEach
    void start() {
        server = new SpringApplication(OpenAmrServer.class).run("--server.port=0",
                "--openamr.data-dir=" + home, "--openamr.initial-admin.enabled=false",
                "--logging.level.root=WARN");
        port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        connection = server.getBean(DatabaseConnection.class);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    record Push(String serial, int n) {
    }

    private static String body(Push p) {
        String at = BASE.plusSeconds(p.n()).toString();
        return """
                {"version": 1, "concentrator": {"id": "durability", "software": "test"},
                 "meters": [{"serial": "%s", "manufacturer": "DFS", "version": 1, "medium": 7, "readAt": "%s",
                   "values": [{"quantity": "VOLUME", "unit": "m3", "at": "%s", "value": "%d.001"}]}]}
                """.formatted(p.serial(), at, at, p.n());
    }

    /** A client backend of the server's database, killed as the OOM killer kills: SIGKILL. */
    private long killABackend() throws Exception {
        try (Connection c = DriverManager.getConnection(connection.url(), connection.user(), connection.password());
             ResultSet rs = c.createStatement().executeQuery("""
                     select pid from pg_stat_activity where datname = current_database()
                     and backend_type = 'client backend' and pid <> pg_backend_pid() limit 1""")) {
            long pid = rs.next() ? rs.getLong(1) : -1;
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            return pid;
        }
    }

    @Test
    void everyPushAnsweredWithSuccessIsStoredAfterBackendsAreKilled() throws Exception {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        long channel = jdbc.sql("insert into acquisition_channel (kind, name) values ('CONCENTRATOR', 'durability')"
                + " returning id").query(Long.class).single();
        String token = server.getBean(ConcentratorTokens.class).issue(channel);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Push> acknowledged = new ConcurrentLinkedQueue<>();
        java.util.Map<Push, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> pushers = new ArrayList<>();
        for (int t = 0; t < PUSHERS; t++) {
            String serial = String.format("%08d", 71_000_000 + t);
            Thread pusher = new Thread(() -> {
                for (int n = 0; running.get() && n < 100_000; n++) {
                    Push p = new Push(serial, n);
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/ingest/v1/readouts"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(body(p))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() / 100 == 2) {
                            answers.put(p, r.statusCode() + " " + r.headers().map() + " '" + r.body() + "'");
                            acknowledged.add(p);
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
            }, "pusher-" + t);
            pusher.start();
            pushers.add(pusher);
        }
        try {
            for (int kill = 0; kill < 3; kill++) {
                int before = acknowledged.size();
                waitUntil(() -> acknowledged.size() >= before + 40, Duration.ofSeconds(90));
                assertThat(killABackend()).as("a backend to kill").isPositive();
            }
            int before = acknowledged.size();
            waitUntil(() -> acknowledged.size() >= before + 40, Duration.ofSeconds(90));
        } finally {
            running.set(false);
            for (Thread t : pushers) {
                t.join(60_000);
            }
        }

        Set<Push> stored = new HashSet<>();
        try (Connection c = DriverManager.getConnection(connection.url(), connection.user(), connection.password());
             PreparedStatement s = c.prepareStatement("""
                     select m.serial, extract(epoch from r.measured_at - timestamptz '2026-11-02T00:00:00Z')::int
                     from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                stored.add(new Push(rs.getString(1), rs.getInt(2)));
            }
        }
        List<Push> lost = acknowledged.stream().filter(p -> !stored.contains(p)).sorted(
                java.util.Comparator.comparing(Push::serial).thenComparing(Push::n)).toList();
        assertThat(lost).as("pushes answered 2xx but not stored, of " + acknowledged.size() + " (" + refused.get()
                + " refused or cut while PostgreSQL recovered); their answers: "
                + lost.stream().map(answers::get).toList()).isEmpty();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not reached within " + limit).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
