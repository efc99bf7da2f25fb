package org.openamr.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.cli.OpenAmr;
import org.openamr.server.security.Tokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code openamr server --log-format json} as a user runs it, in a process of its own: everything it writes on
 * standard output is one JSON object per line, and a push's line carries its channel and push as fields.
 */
class ServerJsonLogIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LIMIT = Duration.ofSeconds(180);

    @TempDir
    Path home;

    @Test
    void everyLineIsAJsonEventAndAPushCarriesItsIds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OpenAmr.class.getName(),
                "server", "--port", Integer.toString(port), "--data-dir", home.toString(), "--log-format", "json")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ended) {
                // the process is gone
            }
        });
        reader.start();
        try {
            JsonNode database = await(lines, e -> message(e).startsWith("Embedded PostgreSQL on port"));
            int databasePort = Integer.parseInt(message(database).replaceAll("Embedded PostgreSQL on port (\\d+).*", "$1"));
            awaitReady(port);

            String url = "jdbc:postgresql://localhost:" + databasePort + "/openamr";
            String password = Files.readString(home.resolve("database.password")).strip();
            String token = Tokens.newToken("oamr_push_");
            String channel;
            try (Connection c = DriverManager.getConnection(url, "postgres", password);
                 PreparedStatement s = c.prepareStatement("insert into acquisition_channel (kind, name, token_hash)"
                         + " values ('CONCENTRATOR', 'json log', ?) returning public_id")) {
                s.setBytes(1, Tokens.hash(token));
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    channel = rs.getString(1);
                }
            }
            Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS);
            HttpResponse<String> pushed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/ingest/v1/readouts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"version": 1, "meters": [{"serial": "83000001", "readAt": "%s", "values": [
                              {"quantity": "VOLUME", "unit": "m3", "at": "%s", "value": "1.5"}]}]}""".formatted(at, at)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
            String push = JSON.readTree(pushed.body()).get("push").asString();

            JsonNode event = await(lines, e -> message(e).startsWith("push " + push));
            assertThat(event.get("channel").asString()).isEqualTo(channel);
            assertThat(event.get("push").asString()).isEqualTo(push);
            assertThat(event.get("log").get("level").asString()).isEqualTo("INFO");
            assertThat(event.get("@timestamp").asString()).isNotBlank();
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped by SIGTERM").isTrue();
            reader.join(10_000);
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.has("message")).as(line).isTrue();
        });
    }

    private static String message(JsonNode event) {
        JsonNode m = event.get("message");
        return m == null ? "" : m.asString();
    }

    /** The first event the server logged that matches, waiting for it; lines that are no JSON fail here. */
    private static JsonNode await(List<String> lines, Predicate<JsonNode> wanted) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            Optional<JsonNode> found = lines.stream().map(JSON::readTree).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such event within " + LIMIT + "; the log was:\n" + String.join("\n", lines));
    }

    private static void awaitReady(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + LIMIT);
    }
}
