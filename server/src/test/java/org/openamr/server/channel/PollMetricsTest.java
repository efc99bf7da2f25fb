package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openamr.simulator.bus.MeterInfo;
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
 * A read-now of a virtual bus where two meters answer, one is silent and one cannot be addressed, and one of a
 * gateway that is not there: what the metrics count for them, and the lines the log has for them.
 */
@ServerTest
@TestPropertySource(properties = "openamr.metrics.token=" + Prometheus.TOKEN)
@ExtendWith(OutputCaptureExtension.class)
class PollMetricsTest {

    private static final Map<String, String> TCP = Map.of("kind", "TCP_GATEWAY");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Fixture f;
    Api operator;

    @BeforeEach
    void users() {
        f = Fixture.create(jdbc);
        operator = new Api(port, f.operator());
    }

    /** A gateway channel of the operator's building; its internal id and its id in the API. */
    private record Gateway(long id, String publicId) {
    }

    private Gateway channel(String address) {
        return jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, baud)
                values ('TCP_GATEWAY', ?, ?, ?, ?) returning id, public_id::text""")
                .params("Шлюз " + address, f.building1(), address, BusFixture.BAUD)
                .query((rs, n) -> new Gateway(rs.getLong(1), rs.getString(2))).single();
    }

    private JsonNode poll(String channel) throws InterruptedException {
        Api.Response r = operator.post("/api/v1/channels/" + channel + "/poll", null);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(202);
        return operator.awaitJob(r.text("id"), Duration.ofSeconds(60)).get("result");
    }

    private static double polls(Prometheus p, String name) {
        return p.value(name, TCP);
    }

    private static double meters(Prometheus p, String outcome) {
        return p.value("openamr_poll_meters_total", Map.of("kind", "TCP_GATEWAY", "outcome", outcome));
    }

    @Test
    void aPartialPollIsCountedWithItsMetersAndLoggedWithItsIds(CapturedOutput output) throws Exception {
        try (BusFixture bus = BusFixture.start(17, 2)) {
            Gateway gateway = channel(bus.address());
            String channel = gateway.publicId();
            long channelId = gateway.id();
            List<MeterInfo> meters = bus.meters();
            BusFixture.register(jdbc, channelId, meters.get(0), true);
            BusFixture.register(jdbc, channelId, meters.get(1), false);
            // nobody answers at primary address 250 on this bus; a serial alone cannot be addressed
            jdbc.sql("insert into meter (serial, manufacturer, bus_address, channel_id) values ('99000001', 'DFS', 250, ?)")
                    .param(channelId).update();
            jdbc.sql("insert into meter (serial, channel_id) values ('99000002', ?)").param(channelId).update();
            Prometheus before = Prometheus.scrape(port);

            JsonNode result = poll(channel);

            assertThat(result.get("status").asString()).as("%s", result).isEqualTo("PARTIAL");
            Prometheus after = Prometheus.scrape(port);
            assertThat(polls(after, "openamr_polls_started_total") - polls(before, "openamr_polls_started_total"))
                    .isEqualTo(1);
            assertThat(after.value("openamr_polls_succeeded_total", Map.of("kind", "TCP_GATEWAY", "status", "partial"))
                    - before.value("openamr_polls_succeeded_total", Map.of("kind", "TCP_GATEWAY", "status", "partial")))
                    .isEqualTo(1);
            assertThat(polls(after, "openamr_polls_failed_total")).isEqualTo(polls(before, "openamr_polls_failed_total"));
            assertThat(meters(after, "read") - meters(before, "read")).isEqualTo(2);
            assertThat(meters(after, "silent") - meters(before, "silent")).isEqualTo(1);
            assertThat(meters(after, "failed") - meters(before, "failed")).isEqualTo(1);
            Map<String, String> poll = Map.of("source", "POLL");
            assertThat(after.value("openamr_readings_stored_total", poll)
                    - before.value("openamr_readings_stored_total", poll))
                    .isEqualTo(result.get("readingsInserted").asInt()).isPositive();

            String run = Long.toString(jdbc.sql("select id from poll_run where public_id = ?")
                    .param(UUID.fromString(result.get("id").asString())).query(Long.class).single());
            assertThat(output.getOut().lines().filter(l -> l.contains("poll run " + run + " of channel " + channel)))
                    .singleElement().asString()
                    .contains("(TCP_GATEWAY, manual): PARTIAL, 2 of 4 meters read, 1 silent, 1 failed");
            assertThat(output.getOut().lines().filter(l -> l.contains("on channel " + channel + " (run " + run)))
                    .hasSize(2)
                    .anySatisfy(l -> assertThat(l).contains("meter 99000001 DFS", "primary address 250", ": silent: "))
                    .anySatisfy(l -> assertThat(l).contains("meter 99000002", ": failed: "));
        }
    }

    @Test
    void aPollOfAGatewayThatIsNotThereIsAFailedPoll() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Gateway gateway = channel("tcp://127.0.0.1:" + closedPort);
        jdbc.sql("insert into meter (serial, manufacturer, bus_address, channel_id) values ('99000003', 'DFS', 3, ?)")
                .param(gateway.id()).update();
        Prometheus before = Prometheus.scrape(port);

        assertThat(poll(gateway.publicId()).get("status").asString()).isEqualTo("FAILED");

        Prometheus after = Prometheus.scrape(port);
        assertThat(polls(after, "openamr_polls_started_total") - polls(before, "openamr_polls_started_total"))
                .isEqualTo(1);
        assertThat(polls(after, "openamr_polls_failed_total") - polls(before, "openamr_polls_failed_total"))
                .isEqualTo(1);
        assertThat(polls(after, "openamr_polls_succeeded_total")).isEqualTo(polls(before, "openamr_polls_succeeded_total"));
        assertThat(meters(after, "failed") - meters(before, "failed")).isEqualTo(1);
        assertThat(meters(after, "read")).isEqualTo(meters(before, "read"));
    }
}
