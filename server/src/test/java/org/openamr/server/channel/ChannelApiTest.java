package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.Tokens;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The channel API over HTTP: validation, access per role, deletion rules and push tokens. Schedules
 * are off here: nothing polls, and the server must work without its poller.
 */
@ServerTest
@TestPropertySource(properties = "openamr.polling.enabled=false")
class ChannelApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Fixture f;
    Api admin;
    Api operator;
    Api otherOperator;
    Api manager;
    Api resident;

    @BeforeEach
    void users() {
        f = Fixture.create(jdbc);
        admin = new Api(port, f.admin());
        operator = new Api(port, f.operator());
        otherOperator = new Api(port, f.otherOperator());
        manager = new Api(port, f.manager());
        resident = new Api(port, f.resident());
    }

    private static Map<String, Object> gateway(UUID building, String address) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", "TCP_GATEWAY");
        m.put("name", "Шлюз подъезд 1");
        m.put("buildingId", building == null ? null : building.toString());
        m.put("address", address);
        m.put("baud", 2400);
        return m;
    }

    private String create(Api as, Map<String, Object> body) {
        Api.Response r = as.post("/api/v1/channels", body);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        assertThat(r.location()).isEqualTo("/api/v1/channels/" + r.text("id"));
        return r.text("id");
    }

    @Test
    void operatorCreatesReadsChangesAndDeletesAChannelOfItsBuilding() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));

        JsonNode c = operator.get("/api/v1/channels/" + id).json();
        assertThat(c.get("kind").asString()).isEqualTo("TCP_GATEWAY");
        assertThat(c.get("address").asString()).isEqualTo("tcp://10.0.0.5:10001");
        assertThat(c.get("baud").asInt()).isEqualTo(2400);
        assertThat(c.get("buildingId").asString()).isEqualTo(f.building1Id().toString());
        assertThat(c.get("enabled").asBoolean()).isTrue();
        assertThat(c.get("hasToken").asBoolean()).isFalse();
        assertThat(c.get("meters").asInt()).isZero();
        assertThat(c.has("scheduleCron")).as("no schedule: on demand only").isFalse();
        assertThat(c.has("lastPoll")).isFalse();

        Api.Response changed = operator.patch("/api/v1/channels/" + id,
                Map.of("scheduleCron", "0 0 3 * * *", "baud", 9600, "enabled", false));
        assertThat(changed.status()).as("%s", changed.body()).isEqualTo(200);
        assertThat(changed.text("scheduleCron")).isEqualTo("0 0 3 * * *");
        assertThat(changed.json().get("baud").asInt()).isEqualTo(9600);
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.text("name")).as("absent fields keep their values").isEqualTo("Шлюз подъезд 1");
        assertThat(jdbc.sql("select schedule_since is not null from acquisition_channel where public_id = ?")
                .param(UUID.fromString(id)).query(Boolean.class).single()).isTrue();

        Map<String, Object> clear = new HashMap<>();
        clear.put("scheduleCron", null);
        assertThat(operator.patch("/api/v1/channels/" + id, clear).json().has("scheduleCron")).isFalse();

        assertThat(jdbc.sql("select actor from audit_log where entity = 'acquisition_channel' and action = 'INSERT' "
                + "and entity_id = (select id::text from acquisition_channel where public_id = ?)")
                .param(UUID.fromString(id)).query(String.class).single()).startsWith("user:operator");

        assertThat(operator.delete("/api/v1/channels/" + id).status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/channels/" + id).status()).isEqualTo(404);
    }

    @Test
    void aBadAddressIsRefusedWithTheParsersMessage() {
        Api.Response noPort = operator.post("/api/v1/channels", gateway(f.building1Id(), "tcp://10.0.0.5"));
        assertThat(noPort.status()).isEqualTo(400);
        assertThat(noPort.detail()).isEqualTo("channel address 'tcp://10.0.0.5' has no port: expected tcp://host:port");

        Api.Response serialForGateway = operator.post("/api/v1/channels", gateway(f.building1Id(), "/dev/ttyUSB0"));
        assertThat(serialForGateway.status()).isEqualTo(400);
        assertThat(serialForGateway.detail()).contains("SERIAL_PORT address").contains("TCP_GATEWAY");

        Map<String, Object> concentrator = Map.of("kind", "CONCENTRATOR", "name", "SonoCollect",
                "buildingId", f.building1Id().toString(), "address", "tcp://10.0.0.5:80");
        assertThat(operator.post("/api/v1/channels", concentrator).detail()).contains("address must be empty");

        Map<String, Object> badKind = gateway(f.building1Id(), "tcp://10.0.0.5:10001");
        badKind.put("kind", "MODEM");
        assertThat(operator.post("/api/v1/channels", badKind).detail())
                .isEqualTo("kind 'MODEM' is not one of SERIAL_PORT, TCP_GATEWAY, CONCENTRATOR, MODBUS");

        Map<String, Object> badBaud = gateway(f.building1Id(), "tcp://10.0.0.5:10001");
        badBaud.put("baud", 2500);
        assertThat(operator.post("/api/v1/channels", badBaud).detail()).contains("baud 2500 is not an M-Bus speed");

        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        Api.Response patched = operator.patch("/api/v1/channels/" + id, Map.of("address", "udp://10.0.0.5:1"));
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.detail()).contains("only tcp:// gateways and serial ports are supported");
        assertThat(operator.get("/api/v1/channels/" + id).text("address")).as("nothing changed")
                .isEqualTo("tcp://10.0.0.5:10001");
    }

    @Test
    void aModbusChannelTakesItsSpeedFromItsAddressAndAMapInForce() {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MODBUS");
        body.put("name", "Modbus ИТП");
        body.put("buildingId", f.building1Id().toString());
        body.put("address", "rtu:/dev/ttyUSB1?baud=19200");
        body.put("modbusMap", "danfoss-sonometer");
        String id = create(operator, body);
        JsonNode c = operator.get("/api/v1/channels/" + id).json();
        assertThat(c.get("kind").asString()).isEqualTo("MODBUS");
        assertThat(c.get("baud").asInt()).as("the speed the address names").isEqualTo(19200);
        assertThat(c.get("modbusMap").asString()).as("stored by the name its map line gives")
                .isEqualTo("Danfoss SonoMeter Modbus RTU module");

        Api.Response moved = operator.patch("/api/v1/channels/" + id, Map.of("address", "tcp://10.0.0.9:502"));
        assertThat(moved.status()).as("%s", moved.body()).isEqualTo(200);
        assertThat(moved.text("address")).isEqualTo("tcp://10.0.0.9:502");

        body.put("baud", 9600);
        assertThat(operator.post("/api/v1/channels", body).detail())
                .startsWith("baud is not set on a MODBUS channel: its speed is part of the address");
        body.remove("baud");
        body.put("modbusMap", "no-such-map");
        assertThat(operator.post("/api/v1/channels", body).detail())
                .startsWith("modbusMap 'no-such-map' is not a register map in force; known: ")
                .contains("danfoss-sonometer");
        body.put("modbusMap", null);
        body.put("address", "udp://10.0.0.9:502");
        Api.Response badAddress = operator.post("/api/v1/channels", body);
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.detail()).contains("udp://10.0.0.9:502");

        Map<String, Object> mapOnGateway = gateway(f.building1Id(), "tcp://10.0.0.5:10001");
        mapOnGateway.put("modbusMap", "danfoss-sonometer");
        assertThat(operator.post("/api/v1/channels", mapOnGateway).detail())
                .isEqualTo("modbusMap is only set on MODBUS channels; this one is TCP_GATEWAY");

        Api.Response search = operator.post("/api/v1/channels/" + id + "/search?mode=primary", null);
        assertThat(search.status()).as("%s", search.body()).isEqualTo(409);
        assertThat(search.detail()).contains("primary and secondary searches are M-Bus");
    }

    @Test
    void aScheduleEverySecondOneThatNeverRunsAndAnEndlessOneAreRefusedWithTheirReasons() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        Api.Response often = operator.patch("/api/v1/channels/" + id, Map.of("scheduleCron", "* * * * * *"));
        assertThat(often.status()).isEqualTo(400);
        assertThat(often.detail()).contains("runs more often than once a minute");
        Api.Response never = operator.patch("/api/v1/channels/" + id, Map.of("scheduleCron", "0 0 0 31 2 *"));
        assertThat(never.status()).isEqualTo(400);
        assertThat(never.detail()).contains("never runs within the next five years");
        String endless = "0 0 3 * * " + "MON,".repeat(2500) + "MON";
        Api.Response tooLong = operator.patch("/api/v1/channels/" + id, Map.of("scheduleCron", endless));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).isEqualTo("schedule: 10013 characters is too long for a cron expression"
                + " (at most 200)");
        assertThat(operator.get("/api/v1/channels/" + id).json().has("scheduleCron")).isFalse();
        assertThat(operator.patch("/api/v1/channels/" + id, Map.of("scheduleCron", "0 * * * * *")).status())
                .as("once a minute is allowed").isEqualTo(200);
    }

    @Test
    void aBadCronIsRefusedWithTheCronParsersReason() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        Api.Response r = operator.patch("/api/v1/channels/" + id, Map.of("scheduleCron", "0 0 25 * * *"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.detail()).startsWith("schedule '0 0 25 * * *' is not a valid cron expression: ")
                .contains("25");
        assertThat(operator.get("/api/v1/channels/" + id).json().has("scheduleCron")).isFalse();

        Map<String, Object> body = gateway(f.building1Id(), "tcp://10.0.0.5:10001");
        body.put("scheduleCron", "every night");
        Api.Response created = operator.post("/api/v1/channels", body);
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.detail()).startsWith("schedule 'every night' is not a valid cron expression: ");
    }

    @Test
    void unknownAndUnchangeableFieldsAreRefused() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        assertThat(operator.patch("/api/v1/channels/" + id, Map.of("kind", "SERIAL_PORT")).detail())
                .startsWith("kind cannot be changed");
        assertThat(operator.patch("/api/v1/channels/" + id, Map.of("colour", "red")).detail())
                .startsWith("unknown field 'colour'");
        assertThat(operator.patch("/api/v1/channels/" + id, Map.of("baud", "fast")).detail())
                .isEqualTo("baud must be a whole number, was fast");
    }

    @Test
    void accessFollowsTheBuildingAndTheRole() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        String path = "/api/v1/channels/" + id;

        // the management company sees its building's channels but may not change or poll them
        assertThat(manager.get(path).status()).isEqualTo(200);
        assertThat(ids(manager.get("/api/v1/channels?size=1000"))).contains(id);
        assertThat(manager.patch(path, Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(manager.delete(path).status()).isEqualTo(403);
        assertThat(manager.post(path + "/poll", null).status()).isEqualTo(403);
        assertThat(manager.post(path + "/search", null).status()).isEqualTo(403);
        assertThat(manager.post("/api/v1/channels", gateway(f.building1Id(), "tcp://10.0.0.6:1")).status())
                .isEqualTo(403);
        assertThat(manager.get(path + "/runs").status()).isEqualTo(200);

        // a resident sees no channel at all
        assertThat(resident.get(path).status()).isEqualTo(404);
        assertThat(resident.get("/api/v1/channels").json().get("total").asLong()).isZero();
        assertThat(resident.get(path + "/runs").status()).isEqualTo(404);
        assertThat(resident.post(path + "/poll", null).status()).isEqualTo(403);

        // another service company's operator does not learn that the channel exists
        assertThat(otherOperator.get(path).status()).isEqualTo(404);
        assertThat(otherOperator.patch(path, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(otherOperator.delete(path).status()).isEqualTo(404);
        assertThat(otherOperator.post(path + "/poll", null).status()).isEqualTo(404);
        assertThat(ids(otherOperator.get("/api/v1/channels?size=1000"))).doesNotContain(id);
        assertThat(otherOperator.post("/api/v1/channels", gateway(f.building1Id(), "tcp://10.0.0.6:1")).status())
                .as("a building it does not serve").isEqualTo(404);
        // nor move its own channel into a building it does not serve
        String own = create(otherOperator, gateway(f.building2Id(), "tcp://10.0.0.7:1"));
        assertThat(otherOperator.patch("/api/v1/channels/" + own, Map.of("buildingId", f.building1Id().toString()))
                .status()).isEqualTo(404);

        // channels without a building are the administrator's
        Api.Response noBuilding = operator.post("/api/v1/channels", gateway(null, "tcp://10.0.0.8:1"));
        assertThat(noBuilding.status()).isEqualTo(403);
        String adminOnly = create(admin, gateway(null, "tcp://10.0.0.8:1"));
        assertThat(admin.get("/api/v1/channels/" + adminOnly).status()).isEqualTo(200);
        assertThat(operator.get("/api/v1/channels/" + adminOnly).status()).isEqualTo(404);
        assertThat(manager.get("/api/v1/channels/" + adminOnly).status()).isEqualTo(404);

        assertThat(new Api(port, null).get(path).status()).as("no token").isEqualTo(401);
    }

    @Test
    void listsAreFilteredAndPaged() {
        String a = create(operator, gateway(f.building1Id(), "tcp://10.0.1.1:1"));
        String b = create(operator, gateway(f.building1Id(), "tcp://10.0.1.2:1"));
        String other = create(otherOperator, gateway(f.building2Id(), "tcp://10.0.1.3:1"));
        JsonNode all = admin.get("/api/v1/channels?buildingId=" + f.building1Id() + "&size=1").json();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(1);
        assertThat(ids(admin.get("/api/v1/channels?buildingId=" + f.building1Id()))).containsExactlyInAnyOrder(a, b)
                .doesNotContain(other);
        assertThat(admin.get("/api/v1/channels?size=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/channels?kind=CONCENTRATOR&buildingId=" + f.building1Id()).json()
                .get("total").asLong()).isZero();
    }

    @Test
    void aChannelWithMetersIsNotDeleted() {
        String id = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        long channel = jdbc.sql("select id from acquisition_channel where public_id = ?").param(UUID.fromString(id))
                .query(Long.class).single();
        jdbc.sql("insert into meter (serial, manufacturer, channel_id) values (?, 'DFS', ?)")
                .params(UUID.randomUUID().toString().substring(0, 8), channel).update();
        Api.Response r = operator.delete("/api/v1/channels/" + id);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.detail()).contains("1 meter(s)");
        assertThat(operator.get("/api/v1/channels/" + id).json().get("meters").asInt()).isEqualTo(1);
    }

    @Test
    void aConcentratorGetsAPushTokenThatIsStoredOnlyAsItsHash() {
        Map<String, Object> body = Map.of("kind", "CONCENTRATOR", "name", "SonoCollect 110",
                "buildingId", f.building1Id().toString());
        String id = create(operator, body);
        Api.Response first = operator.post("/api/v1/channels/" + id + "/token", null);
        assertThat(first.status()).isEqualTo(201);
        String token = first.text("token");
        assertThat(token).startsWith("oamr_push_");
        assertThat(first.text("channelId")).isEqualTo(id);
        byte[] stored = jdbc.sql("select token_hash from acquisition_channel where public_id = ?")
                .param(UUID.fromString(id)).query(byte[].class).single();
        assertThat(stored).isEqualTo(Tokens.hash(token));
        assertThat(operator.get("/api/v1/channels/" + id).json().get("hasToken").asBoolean()).isTrue();

        String second = operator.post("/api/v1/channels/" + id + "/token", null).text("token");
        assertThat(second).isNotEqualTo(token);
        assertThat(jdbc.sql("select token_hash from acquisition_channel where public_id = ?")
                .param(UUID.fromString(id)).query(byte[].class).single()).as("the old token is replaced")
                .isEqualTo(Tokens.hash(second));

        assertThat(manager.post("/api/v1/channels/" + id + "/token", null).status()).isEqualTo(403);
        String gatewayId = create(operator, gateway(f.building1Id(), "tcp://10.0.0.5:10001"));
        assertThat(operator.post("/api/v1/channels/" + gatewayId + "/token", null).status()).isEqualTo(409);
        assertThat(operator.post("/api/v1/channels/" + id + "/poll", null).status()).as("a concentrator pushes")
                .isEqualTo(409);
        Map<String, Object> scheduled = Map.of("scheduleCron", "0 0 3 * * *");
        assertThat(operator.patch("/api/v1/channels/" + id, scheduled).status()).isEqualTo(400);
    }

    private static List<String> ids(Api.Response page) {
        assertThat(page.status()).isEqualTo(200);
        return page.json().get("items").valueStream().map(n -> n.get("id").asString()).toList();
    }
}
