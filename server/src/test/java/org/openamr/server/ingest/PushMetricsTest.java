package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.ingest.PushClient.Channel;
import org.openamr.server.support.Prometheus;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the metrics count for a concentrator's pushes — received, refused as a whole by reason, parts refused, their
 * readings, the time to answer — and the push's line in the log.
 */
@ServerTest
@TestPropertySource(properties = "openamr.metrics.token=" + Prometheus.TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class PushMetricsTest {

    private static final String PATH = "/ingest/v1/readouts";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcentratorTokens tokens;

    PushClient client;
    Channel channel;
    String channelId;

    @BeforeEach
    void setUp() {
        client = new PushClient(port);
        channel = PushClient.channel(jdbc, tokens, "metrics " + UUID.randomUUID());
        channelId = jdbc.sql("select public_id::text from acquisition_channel where id = ?").param(channel.id())
                .query(String.class).single();
    }

    private static String push(String serial, Instant at, String secondValue) {
        return """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "%s", "values": [
                  {"quantity": "VOLUME", "unit": "m3", "at": "%s", "value": "10.5"},
                  {"quantity": "VOLUME", "unit": "m3", "at": "%s", "value": "%s"}]}]}"""
                .formatted(serial, at, at, at.plusSeconds(900), secondValue);
    }

    @Test
    void pushesAreCountedPerConcentratorWithWhatBecameOfThem(CapturedOutput output) throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        Map<String, String> ours = Map.of("channel", channelId);
        Map<String, String> unknown = Map.of("channel", "unknown", "reason", "unauthorized");
        Map<String, String> pushed = Map.of("source", "PUSH");
        Map<String, String> readouts = Map.of("format", "readouts");
        Prometheus before = Prometheus.scrape(port);

        Answer good = client.post(PATH, channel.token(), push("81000001", at, "10.75"));
        Answer half = client.post(PATH, channel.token(), push("81000002", at, "ten"));
        Answer unreadable = client.post(PATH, channel.token(), "{\"version\": 1, \"meters\": [");
        Answer stranger = client.post(PATH, "oamr_push_not-a-token", push("81000003", at, "1"));

        assertThat(good.status()).as(good.raw()).isEqualTo(200);
        assertThat(half.status()).as(half.raw()).isEqualTo(200);
        assertThat(half.body().get("rejected").intValue()).isEqualTo(1);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(stranger.status()).isEqualTo(401);
        Prometheus after = Prometheus.scrape(port);
        assertThat(after.value("openamr_pushes_received_total", ours)).isEqualTo(3);
        assertThat(after.value("openamr_pushes_rejected_total", ours)).isEqualTo(1);
        assertThat(after.value("openamr_pushes_rejected_total", Map.of("channel", channelId, "reason", "bad_document")))
                .isEqualTo(1);
        assertThat(after.value("openamr_push_parts_rejected_total", Map.of("channel", channelId, "kind", "invalid")))
                .isEqualTo(1);
        assertThat(after.value("openamr_pushes_rejected_total", unknown)
                - before.value("openamr_pushes_rejected_total", unknown)).isEqualTo(1);
        assertThat(after.value("openamr_readings_stored_total", pushed)
                - before.value("openamr_readings_stored_total", pushed)).isEqualTo(3);
        assertThat(after.value("openamr_ingest_seconds_count", readouts)
                - before.value("openamr_ingest_seconds_count", readouts)).isEqualTo(2);
        assertThat(after.value("openamr_ingest_seconds_sum", readouts))
                .isGreaterThan(before.value("openamr_ingest_seconds_sum", readouts));
        assertThat(after.has("openamr_ingest_seconds_bucket")).as("quantiles can be computed").isTrue();

        String push = good.body().get("push").stringValue();
        assertThat(output.getOut().lines().filter(l -> l.contains("push " + push)))
                .singleElement().asString().contains("channel " + channelId, "2 readings new");
        assertThat(output.getOut()).contains("push to " + PATH + " from channel " + channelId + " refused (400)",
                "push to " + PATH + " from channel unknown refused (401)");
    }

    /**
     * Every metric the Grafana dashboard queries and MONITORING.md names is one the server has (once a push with a
     * bad part and one with a stranger's token made the series that only a push makes).
     */
    @Test
    void theDashboardAndTheDocumentationNameOnlyMetricsTheServerHas() throws Exception {
        Instant at = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        assertThat(client.post(PATH, channel.token(), push("81000004", at, "ten")).status()).isEqualTo(200);
        assertThat(client.post(PATH, null, push("81000005", at, "1")).status()).isEqualTo(401);
        Prometheus scrape = Prometheus.scrape(port);

        Set<String> queried = new TreeSet<>();
        JsonNode dashboard = PushClient.JSON.readTree(Files.readString(Path.of("grafana", "openamr-dashboard.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = Pattern.compile("([a-z_]+)\\{").matcher(target.get("expr").asString());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).hasSizeGreaterThan(12).allSatisfy(name -> assertThat(scrape.has(name)).as(name).isTrue());

        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`(openamr_[a-z_]+)`").matcher(Files.readString(Path.of("MONITORING.md")));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).hasSizeGreaterThan(11).allSatisfy(name -> assertThat(
                scrape.has(name) || scrape.has(name + "_count")).as(name).isTrue());
        assertThat(documented).as("the dashboard's metrics are documented")
                .containsAll(queried.stream().filter(n -> n.startsWith("openamr_"))
                        .map(n -> n.replaceAll("_(bucket|count|sum|max)$", "")).toList());
    }
}
