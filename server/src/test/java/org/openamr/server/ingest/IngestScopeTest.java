package org.openamr.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.ingest.PushClient.Answer;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A concentrator writes only into its own organisation's meters: a push naming another company's
 * serial becomes an unassigned meter of the pushing channel, and the other company's data stay as
 * they were. Everything a user or a concentrator does here goes through the real HTTP API.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestScopeTest {

    private static final String PATH = "/ingest/v1/readouts";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ConcentratorTokens tokens;

    World w;
    PushClient client;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        client = new PushClient(port);
    }

    record Victim(long meterId, String serial) {
    }

    /** A meter of company B (installed in B's building) with a reading and a raised event, as a poll left it. */
    private Victim victimInB() {
        String serial = String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
        long building = jdbc.sql("select id from building where public_id = ?").param(w.buildingB).query(Long.class).single();
        long point = jdbc.sql("insert into metering_point (building_id, resource, name) values (?, 'HEAT', ?) returning id")
                .params(building, "victim " + serial).query(Long.class).single();
        long channelB = jdbc.sql("select id from acquisition_channel where public_id = ?").param(w.channelB)
                .query(Long.class).single();
        long meter = jdbc.sql("""
                insert into meter (serial, channel_id, first_seen_at, last_seen_at)
                values (?, ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z') returning id""")
                .params(serial, channelB).query(Long.class).single();
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, '2025-01-01T00:00:00Z')")
                .params(meter, point).update();
        long register = jdbc.sql("""
                insert into register (meter_id, quantity, unit, cumulative) values (?, 'ENERGY', 'kWh', true) returning id""")
                .param(meter).query(Long.class).single();
        jdbc.sql("create table if not exists reading_y2026m11 partition of reading for values from ('2026-11-01') to ('2026-12-01')")
                .update();
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values (?, ?, 1000.5, 'POLL')")
                .params(register, Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"))).update();
        jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, '2026-11-01T00:00:00Z', 'RAISED', 'E1', 'Error', 'Ошибка', 'POLL')""").param(meter).update();
        return new Victim(meter, serial);
    }

    /** Everything of a meter a push could change: its fields, readings and events. */
    private List<Object> snapshot(long meterId) {
        Object fields = jdbc.sql("select manufacturer, channel_id, first_seen_at, last_seen_at, mbus_medium from meter where id = ?")
                .param(meterId).query((rs, n) -> tuple(rs.getString(1), rs.getObject(2), rs.getObject(3), rs.getObject(4),
                        rs.getObject(5))).single();
        List<?> readings = jdbc.sql("""
                select g.quantity, g.storage, r.measured_at, r.value::text, r.source, r.channel_id
                from reading r join register g on g.id = r.register_id where g.meter_id = ? order by 1, 2, 3""")
                .param(meterId).query((rs, n) -> tuple(rs.getString(1), rs.getLong(2), rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6))).list();
        List<?> events = jdbc.sql("select kind, code, occurred_at, source from meter_event where meter_id = ? order by id")
                .param(meterId).query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getObject(3), rs.getString(4)))
                .list();
        return List.of(fields, readings, events);
    }

    private static String push(String serial, String value, String conditions) {
        return """
                {"version": 1, "meters": [{"serial": "%s", "manufacturer": "DFS", "medium": 4,
                  "readAt": "2026-11-20T10:00:00Z",
                  "values": [{"quantity": "ENERGY", "unit": "kWh", "at": "2026-11-20T10:00:00Z", "value": "%s"}]%s}]}"""
                .formatted(serial, value, conditions == null ? "" : ", \"conditions\": " + conditions);
    }

    /** Operator of company A makes a concentrator channel in A's own building and gets its token, via the API. */
    private String attackerToken() {
        Api operatorA = new Api(port, w.tokens.get(Role.OPERATOR));
        Api.Response created = operatorA.post("/api/v1/channels", """
                {"kind": "CONCENTRATOR", "name": "A's concentrator %s", "buildingId": "%s"}"""
                .formatted(UUID.randomUUID(), w.buildingA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response token = operatorA.post("/api/v1/channels/" + created.json().get("id").asText() + "/token", "{}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        return token.json().get("token").asText();
    }

    @Test
    void aPushNamingAnotherCompanysMeterCreatesAnUnassignedMeterOfItsOwnAndChangesNothingOfTheOther() throws Exception {
        Victim victim = victimInB();
        List<Object> before = snapshot(victim.meterId());
        String attacker = attackerToken();

        Answer planted = client.post(PATH, attacker, push(victim.serial(), "999999", "[{\"code\": \"STATUS_POWER_LOW\"}]"));
        Answer cleared = client.post(PATH, attacker, push(victim.serial(), "999999", "[]"));

        assertThat(planted.status()).as(planted.raw()).isEqualTo(200);
        assertThat(planted.body().get("metersCreated").intValue()).isEqualTo(1);
        assertThat(cleared.status()).as(cleared.raw()).isEqualTo(200);
        assertThat(snapshot(victim.meterId())).isEqualTo(before);
        // the sighting is A's own unassigned meter, on A's channel, in A's operator's registry
        long serviceA = jdbc.sql("select id from organisation where public_id = ?").param(w.serviceA).query(Long.class).single();
        assertThat(jdbc.sql("""
                select m.owner_org_id, c.building_id = (select id from building where public_id = ?),
                       exists (select 1 from meter_installation i where i.meter_id = m.id)
                from meter m join acquisition_channel c on c.id = m.channel_id where m.serial = ? and m.id <> ?""")
                .params(w.buildingA, victim.serial(), victim.meterId())
                .query((rs, n) -> tuple(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3))).list())
                .containsExactly(tuple(serviceA, true, false));
        Api.Response unassigned = new Api(port, w.tokens.get(Role.OPERATOR)).get("/api/v1/meters?unassigned=true&size=1000");
        assertThat(unassigned.body()).contains(victim.serial());

        // the real concentrator of B, pushing another value for that register and time, is stored: not a duplicate
        long channelB = jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id)
                select 'CONCENTRATOR', ?, id from building where public_id = ? returning id""")
                .params("B's concentrator " + UUID.randomUUID(), w.buildingB).query(Long.class).single();
        String real = tokens.issue(channelB);
        Answer genuine = client.post(PATH, real, push(victim.serial(), "1010.25", null));
        assertThat(genuine.status()).as(genuine.raw()).isEqualTo(200);
        assertThat(genuine.body().get("metersCreated").intValue()).isZero();
        assertThat(genuine.body().get("readingsNew").intValue()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select r.value from reading r join register g on g.id = r.register_id
                where g.meter_id = ? and r.measured_at = '2026-11-20T10:00:00Z'""").param(victim.meterId())
                .query(BigDecimal.class).single()).isEqualByComparingTo("1010.25");
    }

    @Test
    void aDifferentValueForAStoredRegisterAndTimeIsAConflictKeptWithBothValuesAndAnEqualOneADuplicate() throws Exception {
        PushClient.Channel channel = PushClient.channel(jdbc, tokens, "conflicts " + UUID.randomUUID());
        String serial = String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);

        Answer first = client.post(PATH, channel.token(), push(serial, "500.125", null));
        Answer same = client.post(PATH, channel.token(), push(serial, "500.1250", null));
        Answer other = client.post(PATH, channel.token(), push(serial, "777", null));

        assertThat(first.body().get("readingsNew").intValue()).isEqualTo(1);
        assertThat(same.body().get("readingsDuplicate").intValue()).isEqualTo(1);
        assertThat(same.body().get("readingsConflicting").intValue()).isZero();
        assertThat(other.status()).as(other.raw()).isEqualTo(200);
        assertThat(other.body().get("readingsNew").intValue()).isZero();
        assertThat(other.body().get("readingsDuplicate").intValue()).isZero();
        assertThat(other.body().get("readingsConflicting").intValue()).isEqualTo(1);
        var conflict = other.body().get("conflicts").get(0);
        assertThat(conflict.get("meter").stringValue()).isEqualTo(serial);
        assertThat(conflict.get("location").stringValue()).isEqualTo("meters[0].values[0]");
        assertThat(new BigDecimal(conflict.get("stored").asText())).isEqualByComparingTo("500.125");
        assertThat(new BigDecimal(conflict.get("pushed").asText())).isEqualByComparingTo("777");
        assertThat(jdbc.sql("""
                select x.kind, x.stored_value, x.pushed_value from ingest_rejection x join ingest_push p on p.id = x.push_id
                where p.public_id = ?""").param(UUID.fromString(other.body().get("push").stringValue()))
                .query((rs, n) -> tuple(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(),
                        rs.getBigDecimal(3).stripTrailingZeros())).list())
                .containsExactly(tuple("CONFLICT", new BigDecimal("500.125"), new BigDecimal("777")));
        assertThat(jdbc.sql("""
                select r.value::text from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial = ? and m.channel_id = ?""").params(serial, channel.id()).query(String.class).list())
                .containsExactly("500.125");
    }

    @Test
    void registeringASerialAnotherCompanyHasSucceedsAndOneOfOnesOwnAnswersAPlain409() {
        Api operatorA = new Api(port, w.tokens.get(Role.OPERATOR));
        // 20000001 is company B's meter
        Api.Response mine = operatorA.post("/api/v1/meters", "{\"manufacturer\": \"DFS\", \"serial\": \"20000001\"}");
        Api.Response again = operatorA.post("/api/v1/meters", "{\"manufacturer\": \"DFS\", \"serial\": \"20000001\"}");

        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asText())
                .isEqualTo("your registry already has a meter with serial number 20000001 from manufacturer DFS;"
                        + " change that meter instead of registering it again")
                .doesNotContain("meter_identity_uq");
    }
}
