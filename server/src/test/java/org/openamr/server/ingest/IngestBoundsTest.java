package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.ingest.PushClient.Channel;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What a push may say: bad parts are rejected with the reason and the rest stored; caps refuse clearly. */
@ServerTest
class IngestBoundsTest {

    private static final String PATH = "/ingest/v1/readouts";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConcentratorTokens tokens;
    @Autowired
    DataSource dataSource;

    PushClient client;
    Channel channel;

    @BeforeEach
    void setUp() {
        client = new PushClient(port);
        channel = PushClient.channel(jdbc, tokens, "bounds " + UUID.randomUUID());
    }

    private static String serial() {
        return String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
    }

    private static List<String> reasons(Answer a) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : a.body().get("rejections")) {
            out.add(r.get("location").stringValue() + ": " + r.get("reason").stringValue());
        }
        return out;
    }

    @Test
    void controlAndBidiCharactersInAMeterNumberAreRejected() throws Exception {
        String good = serial();
        String json = """
                {"version": 1, "meters": [
                  {"serial": "1234\\u202e5678", "readAt": "2026-11-23T10:00:00Z", "values": []},
                  {"serial": "1234\\u00855678", "readAt": "2026-11-23T10:00:00Z", "values": []},
                  {"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": []}]}""".formatted(good);
        String xml = """
                <interface><muc MUC_ID="x"><meter METER_ID="9876&#x200B;5432"><data DESCRIPTION="Energy" UNIT="kWh"
                 OBIS_ID="6-0:1.0.0*255"><entry><param NAME="T">1795000000</param><param NAME="VAL">1</param></entry></data></meter></muc></interface>""";

        Answer a = client.post(PATH, channel.token(), json);
        Answer x = client.post("/ingest/v1/solvimus", channel.token(), xml);

        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(reasons(a)).containsExactly(
                "meters[0]: serial contains the invisible or control character U+202E at position 5; a meter number has only visible characters and no spaces",
                "meters[1]: serial contains the invisible or control character U+0085 at position 5; a meter number has only visible characters and no spaces");
        assertThat(a.body().get("meters").intValue()).isEqualTo(1);
        assertThat(x.status()).as(x.raw()).isEqualTo(200);
        assertThat(reasons(x)).singleElement().asString().contains("METER_ID contains the invisible or control character U+200B");
        assertThat(jdbc.sql("select count(*) from meter where serial like '1234%5678' or serial like '9876%5432'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void negativeCountersHugeStorageNumbersAndAncientOrFutureTimesAreRejectedAndTheRestStored() throws Exception {
        String meter = serial();
        String json = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [
                  {"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-23T10:00:00Z", "value": "-5"},
                  {"quantity": "VOLUME", "unit": "m3", "storage": 1099511627776, "at": "2026-11-23T10:00:00Z", "value": "1"},
                  {"quantity": "VOLUME", "unit": "m3", "at": "2000-01-15T00:00:00Z", "value": "1"},
                  {"quantity": "VOLUME", "unit": "m3", "at": "2099-01-15T00:00:00Z", "value": "1"},
                  {"quantity": "FLOW_TEMPERATURE", "unit": "°C", "at": "2026-11-23T10:00:00Z", "value": "-3.5"},
                  {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:00:00Z", "value": "12.5"}]}]}""".formatted(meter);

        Answer a = client.post(PATH, channel.token(), json);

        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.body().get("readingsNew").intValue()).isEqualTo(2);
        List<String> reasons = reasons(a);
        assertThat(reasons).hasSize(4);
        assertThat(reasons.get(0)).isEqualTo(
                "meters[0].values[0]: value -5 is negative, but ENERGY is a counter that never goes below zero");
        assertThat(reasons.get(1)).startsWith("meters[0].values[1]: storage must be a whole number from 0 to 131071");
        assertThat(reasons.get(2)).startsWith("meters[0].values[2]: ").contains("outside");
        assertThat(reasons.get(3)).startsWith("meters[0].values[3]: ").contains("outside");
        assertThat(jdbc.sql("select count(*) from pg_class where relname in ('reading_y2000m01', 'reading_y2099m01')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void tooManyConditionsOrOverlongLabelsRejectTheMeterAndTooManyNewMetersRefuseThePush() throws Exception {
        StringBuilder conditions = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            conditions.append(i == 0 ? "" : ", ").append("{\"code\": \"C").append(i).append("\"}");
        }
        String json = """
                {"version": 1, "meters": [
                  {"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [], "conditions": [%s]},
                  {"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [],
                   "conditions": [{"code": "E1", "labelEn": "%s"}]}]}"""
                .formatted(serial(), conditions, serial(), "x".repeat(201));
        StringBuilder many = new StringBuilder("{\"version\": 1, \"meters\": [");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"serial\": \"N").append(UUID.randomUUID().toString(), 0, 12)
                    .append("\", \"readAt\": \"2026-11-23T10:00:00Z\", \"values\": []}");
        }
        many.append("]}");

        Answer a = client.post(PATH, channel.token(), json);
        Answer refused = client.post(PATH, channel.token(), many.toString());

        assertThat(reasons(a)).containsExactly(
                "meters[0]: the meter reports 65 conditions; at most 64 are accepted per meter",
                "meters[1]: labelEn has 201 characters; at most 200 are accepted");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
        assertThat(refused.body().get("detail").stringValue()).contains("more than 1000 meters");
        assertThat(jdbc.sql("select count(*) from meter where channel_id = ?").param(channel.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPushSucceedsWhileWebRequestsHoldEveryConnectionOfTheMainPool() throws Exception {
        HikariDataSource main = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < main.getMaximumPoolSize(); i++) {
                held.add(main.getConnection());
            }
            String json = """
                    {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [
                      {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:00:00Z", "value": "1.5"}]}]}"""
                    .formatted(serial());

            Answer a = client.post(PATH, channel.token(), json);

            assertThat(a.status()).as(a.raw()).isEqualTo(200);
            assertThat(a.body().get("readingsNew").intValue()).isEqualTo(1);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
