package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.ReadoutsJson;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.master.MBusMaster;
import org.openamr.mbus.master.MasterSettings;
import org.openamr.mbus.transport.TcpTransport;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.ingest.PushClient.Channel;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.support.ServerTest;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServerTest
class ReadoutsIngestTest {

    private static final String PATH = "/ingest/v1/readouts";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConcentratorTokens tokens;

    @Autowired
    ReadingStore readings;

    PushClient client;
    Channel channel;

    @BeforeEach
    void setUp() {
        client = new PushClient(port);
        channel = PushClient.channel(jdbc, tokens, "collector " + UUID.randomUUID());
    }

    private static String serial() {
        return String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
    }

    record Stored(String quantity, String unit, long storage, String at, String value) {
    }

    private List<Stored> stored(String serial) {
        return jdbc.sql("""
                select g.quantity, g.unit, g.storage, to_char(r.measured_at at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS"Z"'), r.value::text
                from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial = ? order by g.quantity, g.storage, r.measured_at""").param(serial)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    @Test
    void storesValuesExactlyWhetherSentAsStringsOrAsJsonNumbers() throws Exception {
        String meter = serial();
        String json = """
                {"version": 1, "concentrator": {"id": "collector-7", "software": "openamr-collector test"},
                 "meters": [{"serial": "%s", "manufacturer": "DFS", "version": 1, "medium": 4,
                   "readAt": "2026-11-23T10:00:05Z",
                   "values": [
                     {"quantity": "ENERGY", "unit": "kWh", "storage": 0, "tariff": 0, "subunit": 0,
                      "function": "INSTANTANEOUS", "at": "2026-11-23T10:00:00Z", "value": "12345.678"},
                     {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:00:00Z", "value": 0.1},
                     {"quantity": "FLOW_TEMPERATURE", "unit": "°C", "at": "2026-11-23T10:00:00Z", "value": "0.1"},
                     {"quantity": "POWER", "unit": "kW", "at": "2026-11-23T10:00:00Z",
                      "value": 1234567890123456789.123456789},
                     {"quantity": "ENERGY", "unit": "kWh", "storage": 1, "at": "2026-11-01T00:00:00+03:00",
                      "value": "12000.000"}],
                   "conditions": [{"code": "STATUS_POWER_LOW", "labelEn": "Power low",
                                   "labelRu": "Низкий заряд питания", "stopsIntegration": false}]}]}
                """.formatted(meter);

        Answer answer = client.post(PATH, channel.token(), json);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("format").stringValue()).isEqualTo("READOUTS_JSON");
        assertThat(answer.body().get("readingsNew").intValue()).isEqualTo(5);
        assertThat(stored(meter)).containsExactlyInAnyOrder(
                new Stored("ENERGY", "kWh", 0, "2026-11-23T10:00:00Z", "12345.678"),
                new Stored("ENERGY", "kWh", 1, "2026-10-31T21:00:00Z", "12000.000"),
                new Stored("VOLUME", "m3", 0, "2026-11-23T10:00:00Z", "0.1"),
                new Stored("FLOW_TEMPERATURE", "°C", 0, "2026-11-23T10:00:00Z", "0.1"),
                new Stored("POWER", "kW", 0, "2026-11-23T10:00:00Z", "1234567890123456789.123456789"));
        assertThat(jdbc.sql("select manufacturer, mbus_version, mbus_medium from meter where serial = ?").param(meter)
                .query((rs, n) -> tuple(rs.getString(1), rs.getInt(2), rs.getInt(3))).single())
                .isEqualTo(tuple("DFS", 1, 4));
        assertThat(jdbc.sql("""
                select e.kind, e.code, e.source from meter_event e join meter m on m.id = e.meter_id
                where m.serial = ?""").param(meter)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .containsExactly(tuple("RAISED", "STATUS_POWER_LOW", "PUSH"));
        assertThat(jdbc.sql("select sender from ingest_push where public_id = ?")
                .param(UUID.fromString(answer.body().get("push").stringValue())).query(String.class).single())
                .isEqualTo("collector-7");
    }

    @Test
    void conditionsAreClearedOnlyByAMeterThatReportsThem() throws Exception {
        String meter = serial();
        String raised = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [],
                  "conditions": [{"code": "STATUS_POWER_LOW"}]}]}""".formatted(meter);
        String silent = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T11:00:00Z", "values": []}]}"""
                .formatted(meter);
        String cleared = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T12:00:00Z", "values": [],
                  "conditions": []}]}""".formatted(meter);

        for (String push : List.of(raised, silent, cleared)) {
            assertThat(client.post(PATH, channel.token(), push).status()).isEqualTo(200);
        }

        assertThat(jdbc.sql("""
                select e.kind, to_char(e.occurred_at at time zone 'UTC', 'HH24:MI') from meter_event e
                join meter m on m.id = e.meter_id where m.serial = ? order by e.occurred_at""").param(meter)
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2))).list())
                .containsExactly(tuple("RAISED", "10:00"), tuple("CLEARED", "12:00"));
    }

    @Test
    void rejectsBadValuesAndBadMetersOneByOneAndKeepsThem() throws Exception {
        String good = serial();
        String json = """
                {"version": 1, "meters": [
                  {"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [
                    {"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-23T10:00:00Z", "value": "100.5"},
                    {"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-23T10:15:00Z", "value": "100,6"},
                    {"quantity": "ENERGIE", "unit": "kWh", "at": "2026-11-23T10:15:00Z", "value": "1"},
                    {"quantity": "VOLUME", "unit": "l", "at": "2026-11-23T10:15:00Z", "value": "1"},
                    {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23 10:15", "value": "1"},
                    {"quantity": "VOLUME", "unit": "m3", "at": "2031-01-01T00:00:00Z", "value": "1"},
                    {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:30:00Z", "value": "7.5"},
                    {"quantity": "VOLUME", "unit": "m3", "at": "2026-11-23T10:30:00Z", "value": "7.6"}]},
                  {"serial": "", "readAt": "2026-11-23T10:00:00Z", "values": [
                    {"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-23T10:00:00Z", "value": "1"}]},
                  {"serial": "55555555", "manufacturer": "dfs", "readAt": "2026-11-23T10:00:00Z", "values": []}]}
                """.formatted(good);

        Answer answer = client.post(PATH, channel.token(), json);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("readingsNew").intValue()).isEqualTo(1);
        List<String> messages = new ArrayList<>();
        answer.body().get("rejections").forEach(r -> messages.add(r.get("message").stringValue()));
        assertThat(messages).hasSize(9);
        assertThat(messages).contains(
                "meter " + good + ", meters[0].values[1]: value \"100,6\" is not a decimal number; write it as a JSON "
                        + "string like \"12345.678\" or a JSON number",
                "meters[1]: serial must be a string of 1 to 64 visible characters, e.g. \"46174428\"",
                "meter 55555555, meters[2]: manufacturer 'dfs' is not three maker letters (FLAG code, e.g. DFS)");
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(
                "meter " + good + ", meters[0].values[2]: quantity 'ENERGIE' is not one of the names listed in "
                        + "server/INGEST.md, e.g. ENERGY, VOLUME, MASS"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(
                "meter " + good + ", meters[0].values[3]: unit 'l' is not one of the server's units"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(
                "meter " + good + ", meters[0].values[4]: at '2026-11-23 10:15' is not an ISO-8601 time"));
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith(
                "meter " + good + ", meters[0].values[5]: at 2031-01-01T00:00:00Z is outside the accepted"));
        assertThat(messages).anySatisfy(m -> assertThat(m).isEqualTo("meter " + good + ", meters[0].values[6]: value "
                + "7.5 for VOLUME m3 storage 0 at 2026-11-23T10:30:00Z contradicts meters[0].values[7] says 7.6; "
                + "neither is stored"));
        assertThat(stored(good)).containsExactly(new Stored("ENERGY", "kWh", 0, "2026-11-23T10:00:00Z", "100.5"));
        assertThat(jdbc.sql("select count(*) from meter where serial = '55555555'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select j.location, j.fragment, j.value_count from ingest_rejection j join ingest_push p on p.id = j.push_id
                where p.public_id = ? and j.location in ('meters[1]', 'meters[0].values[1]') order by j.location""")
                .param(UUID.fromString(answer.body().get("push").stringValue()))
                .query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getInt(3))).list())
                .containsExactly(
                        tuple("meters[0].values[1]", "{\"quantity\":\"ENERGY\",\"unit\":\"kWh\","
                                + "\"at\":\"2026-11-23T10:15:00Z\",\"value\":\"100,6\"}", 1),
                        tuple("meters[1]", "{\"serial\":\"\",\"readAt\":\"2026-11-23T10:00:00Z\",\"values\":"
                                + "[{\"quantity\":\"ENERGY\",\"unit\":\"kWh\",\"at\":\"2026-11-23T10:00:00Z\","
                                + "\"value\":\"1\"}]}", 1));
    }

    @Test
    void refusesDocumentsNotOfTheVersionOneShapeAndWritesNothing() throws Exception {
        String meter = serial();
        String values = "[{\"quantity\": \"ENERGY\", \"unit\": \"kWh\", \"at\": \"2026-11-23T10:00:00Z\", \"value\": \"1\"}]";
        String meterJson = "{\"serial\": \"" + meter + "\", \"readAt\": \"2026-11-23T10:00:00Z\", \"values\": " + values + "}";
        long before = jdbc.sql("select count(*) from ingest_push").query(Long.class).single();

        record Case(String body, String detail) {
        }
        List<Case> cases = List.of(
                new Case("{\"version\": 2, \"meters\": [" + meterJson + "]}",
                        "version 2 is not supported; this server reads version 1"),
                new Case("{\"meters\": [" + meterJson + "]}", "the document has no \"version\"; this server reads version 1"),
                new Case("{\"version\": 1, \"meters\": [" + meterJson.replace("\"readAt\"", "\"readAtt\"") + "]}",
                        "meters[0]: unknown field \"readAtt\" (version 1 has conditions, manufacturer, medium, readAt, "
                                + "serial, values, version)"),
                new Case("{\"version\": 1, \"meters\": {}}", "\"meters\" must be an array of meter objects"),
                new Case("{\"version\": 1, \"version\": 1, \"meters\": []}", null),
                new Case("{\"version\": 1, \"meters\": [" + meterJson + "]", null),
                new Case("[1, 2]", "the document must be a JSON object {\"version\": 1, \"meters\": [...]}"));
        for (Case c : cases) {
            Answer answer = client.post(PATH, channel.token(), c.body());
            assertThat(answer.status()).as(c.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            if (c.detail() != null) {
                assertThat(answer.body().get("detail").stringValue()).isEqualTo(c.detail());
            } else {
                assertThat(answer.body().get("detail").stringValue()).startsWith("not valid JSON at line 1");
            }
        }
        assertThat(jdbc.sql("select count(*) from ingest_push").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(meter).query(Long.class).single()).isZero();
    }

    record Register(String quantity, String unit, String qualifier, String value) {
    }

    /** Each register of the meter with its newest value. */
    private List<Register> registers(String serial) {
        return jdbc.sql("""
                select g.quantity, g.unit, g.qualifier,
                       (select r.value::text from reading r where r.register_id = g.id
                        order by r.measured_at desc limit 1)
                from register g join meter m on m.id = g.meter_id
                where m.serial = ? order by g.quantity, g.storage, g.tariff, g.subunit, g.qualifier""").param(serial)
                .query((rs, n) -> new Register(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    @Test
    void aQualifiedValueIsStoredInItsOwnRegisterBesideThePlainOne() throws Exception {
        String meter = serial();
        String push = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "%s", "values": [
                  {"quantity": "OPERATING_TIME", "unit": "s", "at": "%2$s", "value": "%s"},
                  {"quantity": "OPERATING_TIME", "unit": "s", "qualifier": "E18", "at": "%2$s", "value": "%s"},
                  {"quantity": "OPERATING_TIME", "unit": "s", "qualifier": "", "at": "%2$s", "value": "%3$s"}]}]}""";

        Answer first = client.post(PATH, channel.token(), push.formatted(meter, "2026-11-23T10:00:00Z", "31363200",
                "129600"));
        Answer second = client.post(PATH, channel.token(), push.formatted(meter, "2026-11-23T11:00:00Z", "31366800",
                "133200"));

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        // "" is the plain register: the third value repeats the first, it does not contradict it
        assertThat(first.body().get("readingsNew").intValue()).as(first.raw()).isEqualTo(2);
        assertThat(first.body().get("rejected").intValue()).as(first.raw()).isZero();
        assertThat(second.body().get("readingsNew").intValue()).as(second.raw()).isEqualTo(2);
        assertThat(registers(meter)).containsExactly(
                new Register("OPERATING_TIME", "s", "", "31366800"),
                new Register("OPERATING_TIME", "s", "E18", "133200"));
    }

    /**
     * A heat meter read by a collector and the same meter polled by the server: the readout the poll
     * stores (the decoder's registers, its time in error among them), written as the collector's server
     * output writes it, is all already there — every value lands in the register the poll filled.
     */
    @Test
    void aPushedReadoutLandsInTheRegistersThePollOfTheSameMeterFilled() throws Exception {
        String meter = serial();
        // whole seconds, as the meter's clock and the database keep them
        Clock clock = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600), ZoneOffset.UTC);
        VirtualBus bus = VirtualBus.builder().seed(7).clock(clock).baud(38400)
                .meter(MeterType.SONOMETER_1100, meter, 1).build();
        MeterReadout readout;
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced());
             MBusMaster master = new MBusMaster(new TcpTransport("127.0.0.1", server.port(), 38400),
                     MasterSettings.DEFAULT, clock)) {
            readout = TelegramReadouts.builtIn().toReadout(master.read(1), ZoneOffset.UTC);
        }
        assertThat(readout.values()).anySatisfy(v -> assertThat(v.key().qualifier()).isEqualTo("E18"));
        readings.store(List.of(readout), ReadingSource.POLL, channel.id());
        List<Register> polled = registers(meter);

        Answer answer = client.post(PATH, channel.token(), ReadoutsJson.write("collector-7", null, List.of(readout))
                .body());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("readingsNew").intValue()).as(answer.raw()).isZero();
        assertThat(answer.body().get("readingsDuplicate").intValue()).as(answer.raw())
                .isEqualTo(readout.values().size());
        assertThat(registers(meter)).isEqualTo(polled).hasSize(readout.values().size())
                .anySatisfy(r -> assertThat(r.qualifier()).isEqualTo("E18"));
        assertThat(jdbc.sql("select count(*) from meter where serial = ?").param(meter).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aBadQualifierRejectsItsValueSayingWhereAndWhy() throws Exception {
        String meter = serial();
        String json = """
                {"version": 1, "meters": [{"serial": "%s", "readAt": "2026-11-23T10:00:00Z", "values": [
                  {"quantity": "OPERATING_TIME", "unit": "s", "qualifier": 18, "at": "2026-11-23T10:00:00Z",
                   "value": "1"},
                  {"quantity": "OPERATING_TIME", "unit": "s", "qualifier": "%s", "at": "2026-11-23T10:00:00Z",
                   "value": "2"},
                  {"quantity": "OPERATING_TIME", "unit": "s", "qualifier": "E18\\u0000", "at": "2026-11-23T10:00:00Z",
                   "value": "3"}]}]}""".formatted(meter, "E".repeat(PushBounds.MAX_QUALIFIER + 1));

        Answer answer = client.post(PATH, channel.token(), json);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().get("readingsNew").intValue()).isZero();
        List<String> messages = new ArrayList<>();
        answer.body().get("rejections").forEach(r -> messages.add(r.get("message").stringValue()));
        assertThat(messages).containsExactlyInAnyOrder(
                "meter " + meter + ", meters[0].values[0]: qualifier must be a string",
                "meter " + meter + ", meters[0].values[1]: qualifier has 301 characters; at most 300 are accepted",
                "meter " + meter + ", meters[0].values[2]: qualifier contains the invisible or control character "
                        + "U+0000");
        assertThat(registers(meter)).isEmpty();
    }
}
