package org.openamr.server.alarm.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server whose mail is not configured (the default) sends no e-mail, says so in the history, and still calls
 * webhooks.
 */
@ServerTest
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmWebhookWithoutMailIT {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("openamr.alarms.notify.tick", () -> "200ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    HttpServer receiver;
    final List<byte[]> calls = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            calls.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    @Test
    void theWebhookIsCalledAndTheEmailIsRecordedAsNotSent() throws Exception {
        RegistryFixture fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long building = fx.building(org, "Europe/Moscow");
        long point = fx.point(building, fx.premise(building, null, "5"), "COLD_WATER");
        long meter = fx.meter(RegistryFixture.unique("W"), null);
        fx.install(meter, point, Instant.parse("2025-01-01T00:00:00Z"), null, null, null);
        Api manager = new Api(port, fx.token("MANAGER", org, null));
        Api.Response created = manager.post("/api/v1/alarm-subscriptions", JsonMapper.builder().build()
                .writeValueAsString(Map.of("name", "Обе дороги", "recipients", List.of("nobody@uk.example.ru"),
                        "webhookUrl", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        Alarms.raiseSilence(jdbc, List.of(meter), Instant.now());
        long until = System.nanoTime() + 30_000_000_000L;
        while (calls.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(calls).hasSize(1);
        Thread.sleep(500);
        JsonNode history = manager.get("/api/v1/alarm-subscriptions/" + id + "/deliveries").json();
        assertThat(history.size()).isEqualTo(2);
        JsonNode email = null;
        JsonNode webhook = null;
        for (JsonNode d : history) {
            if ("EMAIL".equals(d.get("channel").asString())) {
                email = d;
            } else {
                webhook = d;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.get("status").asString()).isEqualTo("FAILED");
        assertThat(email.get("error").asString()).contains("not enabled");
        assertThat(email.get("attempts").asInt()).as("never tried").isZero();
        assertThat(webhook).isNotNull();
        assertThat(webhook.get("status").asString()).isEqualTo("SENT");
        assertThat(webhook.get("tries").get(0).get("httpStatus").asInt()).isEqualTo(204);
    }
}
