package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.server.support.ServerTest;
import org.openamr.simulator.modbus.ModbusServers;
import org.openamr.simulator.modbus.UnitFault;
import org.openamr.simulator.modbus.UnitTruth;
import org.openamr.simulator.modbus.VirtualModbusBus;
import org.openamr.simulator.serve.TcpLineServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A MODBUS channel polled through the API against virtual meters with a Modbus module on Modbus TCP
 * (the simulator's own framing, independent of the digitalpetri master): what is stored is exactly
 * what a reader of the registers gets, in the same registers an M-Bus readout fills; a unit that
 * refuses, one that is absent and a meter with no map each get their own outcome.
 */
@ServerTest
class ModbusPollingIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final Clock BUS_CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:30:00Z"), ZoneOffset.UTC);

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

    @Test
    void aPollStoresExactlyWhatTheUnitsServeAndSaysWhyTheOthersWereNotRead() throws Exception {
        VirtualModbusBus bus = VirtualModbusBus.builder().seed(21).units(4).clock(BUS_CLOCK)
                .fault(3, new UnitFault.ExceptionReply(4)).build();
        try (TcpLineServer server = ModbusServers.tcp(bus, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Map<String, Object> body = new HashMap<>();
            body.put("kind", "MODBUS");
            body.put("name", "Modbus ИТП");
            body.put("buildingId", f.building1Id().toString());
            body.put("address", "tcp://127.0.0.1:" + server.port());
            Api.Response created = operator.post("/api/v1/channels", body);
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            String channel = created.text("id");
            long channelId = jdbc.sql("select id from acquisition_channel where public_id = ?")
                    .param(UUID.fromString(channel)).query(Long.class).single();

            Map<Integer, Long> meters = new HashMap<>();
            for (int unit : List.of(1, 2, 3, 4)) {
                meters.put(unit, register(channelId, "SonoSafe 10", bus.truth().unit(unit).meterId(), unit));
            }
            long absent = register(channelId, "SonoSafe 10", "99000009", 9);
            long noMap = register(channelId, "Multical 603", "99000010", 10);

            JsonNode job = operator.awaitJob(run(channel), JOB_TIMEOUT);

            assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
            JsonNode result = job.get("result");
            assertThat(result.get("status").asString()).isEqualTo("PARTIAL");
            assertThat(result.get("metersRead").asInt()).isEqualTo(3);
            assertThat(result.get("metersFailed").asInt()).isEqualTo(3);
            assertThat(result.get("metersSilent").asInt()).as("unit 9 is not on the bus").isEqualTo(1);
            for (int unit : List.of(1, 2, 4)) {
                assertStoredEqualsTruth(meters.get(unit), bus.truth().unit(unit));
            }
            assertThat(readings(meters.get(3))).isZero();
            assertThat(readings(absent)).isZero();

            Map<String, JsonNode> outcomes = new HashMap<>();
            String run = result.get("id").asString();
            operator.get("/api/v1/channels/" + channel + "/runs/" + run).json().get("meters")
                    .forEach(o -> outcomes.put(o.get("serial").asString(), o));
            String address = "tcp://127.0.0.1:" + server.port();
            JsonNode refused = outcomes.get(bus.truth().unit(3).meterId());
            assertThat(refused.get("ok").asBoolean()).isFalse();
            assertThat(refused.get("addressedBy").asString()).isEqualTo("Modbus unit 3");
            assertThat(refused.get("error").asString()).startsWith("Modbus unit 3 on " + address
                    + ": exception 04 Slave device failure to a read of holding registers");
            JsonNode silent = outcomes.get("99000009");
            assertThat(silent.get("silent").asBoolean()).isTrue();
            assertThat(silent.get("error").asString()).startsWith("Modbus unit 9 on " + address
                    + ": no complete answer within");
            assertThat(outcomes.get("99000010").get("error").asString())
                    .isEqualTo("no register map for meter 99000010 DFS (model Multical 603): give it a model a map names, "
                            + "set the channel's map, or add a map file");

            // the channel's map serves meters whose model no map names
            operator.patch("/api/v1/channels/" + channel, Map.of("modbusMap", "danfoss-sonometer"));
            bus.clearFault(3);
            JsonNode again = operator.awaitJob(run(channel), JOB_TIMEOUT);
            assertThat(again.get("result").get("metersRead").asInt()).as("%s", again).isEqualTo(4);
            assertStoredEqualsTruth(meters.get(3), bus.truth().unit(3));
            assertThat(readings(noMap)).as("unit 10 is not on the bus either").isZero();
        }
    }

    private String run(String channel) {
        Api.Response r = operator.post("/api/v1/channels/" + channel + "/poll", null);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(202);
        return r.text("id");
    }

    private long register(long channelId, String model, String serial, int unit) {
        return jdbc.sql("insert into meter (serial, manufacturer, model, bus_address, channel_id) "
                        + "values (?, 'DFS', ?, ?, ?) returning id")
                .params(serial, model, unit, channelId).query(Long.class).single();
    }

    private long readings(long meterId) {
        return jdbc.sql("select count(*) from reading x join register g on g.id = x.register_id where g.meter_id = ?")
                .param(meterId).query(Long.class).single();
    }

    /** Every value the unit serves (but its error code, which becomes conditions) is stored exactly, in its register. */
    private void assertStoredEqualsTruth(long meterId, UnitTruth truth) {
        int compared = 0;
        for (ModbusValue v : truth.decodable()) {
            if (v.quantity() == Quantity.ERROR_FLAGS) {
                continue;
            }
            List<BigDecimal> stored = jdbc.sql("""
                    select x.value from reading x join register g on g.id = x.register_id
                    where g.meter_id = ? and g.quantity = ? and g.unit = ? and g.storage = ? and g.tariff = ?
                      and g.subunit = ? and g.function = 'INSTANTANEOUS'
                    order by x.measured_at desc""")
                    .params(meterId, v.quantity().name(), v.unit().symbol(), v.storage(), v.tariff(), v.subunit())
                    .query(BigDecimal.class).list();
            assertThat(stored).as("%s of meter %s", v.name(), truth.meterId()).isNotEmpty();
            assertThat(stored.get(0)).as("%s of meter %s", v.name(), truth.meterId()).isEqualByComparingTo(v.value());
            compared++;
        }
        assertThat(compared).as("values compared for meter %s", truth.meterId()).isGreaterThan(5);
    }
}
