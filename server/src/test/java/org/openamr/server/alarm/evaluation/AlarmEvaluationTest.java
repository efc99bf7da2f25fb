package org.openamr.server.alarm.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation against the database, on a registry written with SQL and evaluated at chosen moments: each rule
 * the data can show raises once, stays one alarm while its condition holds, clears with the reading that ended it,
 * and missing data raises nothing. The journal's API shows each role what its scope covers.
 */
@ServerTest
@TestPropertySource(properties = "openamr.polling.enabled=false")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmEvaluationTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** 13:30 in Moscow: the last complete local hour ends at 10:00Z. */
    static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    static final Instant HOUR = Instant.parse("2026-11-20T10:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    AlarmEvaluator evaluator;

    RegistryFixture fx;
    long org;
    long building;
    long leakPremise;
    UUID leakPoint;
    long leakRegister;
    UUID gappyPoint;
    UUID nightlyPoint;
    long silentMeter;
    UUID silentMeterId;
    UUID silentChannel;
    UUID neverReadMeter;
    long dueMeter;
    UUID dueMeterId;
    UUID noDateMeter;
    long errorMeter;
    UUID errorMeterId;
    long balanceBuilding;
    UUID balanceBuildingId;
    Api manager;
    Api otherManager;
    Api resident;

    @BeforeAll
    void registry() {
        fx = new RegistryFixture(jdbc, partitions);
        fx.partitions(java.time.YearMonth.of(2026, 9), java.time.YearMonth.of(2026, 12));
        org = fx.organisation("MANAGEMENT");
        building = fx.building(org, MOSCOW.getId());
        Instant installed = NOW.minus(Duration.ofDays(90));

        // a flat whose cold water runs in every hour of the last 40
        leakPremise = fx.premise(building, null, "17");
        long leak = fx.point(building, leakPremise, "COLD_WATER");
        leakPoint = fx.publicId("metering_point", leak);
        long leakMeter = meter("LEAK-1", installed, leak, null);
        leakRegister = fx.register(leakMeter, "VOLUME", "m3", 0, 0);
        for (int h = 40; h >= 0; h--) {
            fx.reading(leakRegister, HOUR.minus(Duration.ofHours(h)), "%.3f".formatted(100 + (40 - h) * 0.012)
                    .replace(',', '.'));
        }
        // the same run of water, but read only every four hours: no hourly figures, so no verdict
        long gappy = fx.point(building, fx.premise(building, null, "18"), "COLD_WATER");
        gappyPoint = fx.publicId("metering_point", gappy);
        long gappyRegister = fx.register(meter("GAPPY-1", installed, gappy, null), "VOLUME", "m3", 0, 0);
        for (int h = 40; h >= 0; h -= 4) {
            fx.reading(gappyRegister, HOUR.minus(Duration.ofHours(h)), Integer.toString(200 + (40 - h)));
        }
        // a household: water by day, none at night
        long nightly = fx.point(building, fx.premise(building, null, "19"), "HOT_WATER");
        nightlyPoint = fx.publicId("metering_point", nightly);
        long nightlyRegister = fx.register(meter("NIGHT-1", installed, nightly, null), "VOLUME", "m3", 0, 0);
        int litres = 0;
        for (int h = 40; h >= 0; h--) {
            Instant at = HOUR.minus(Duration.ofHours(h));
            int localHour = at.atZone(MOSCOW).getHour();
            if (localHour >= 7 && localHour <= 23) {
                litres += 15;
            }
            fx.reading(nightlyRegister, at, "%d.%03d".formatted(50 + litres / 1000, litres % 1000));
        }

        // a meter on an hourly bus channel that last answered three days ago, alone on its channel
        long channel = jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, schedule_cron, created_at)
                values ('TCP_GATEWAY', 'Шлюз подвала', ?, 'tcp://127.0.0.1:1', '0 0 * * * *', ?) returning id""")
                .params(building, Timestamp.from(installed)).query(Long.class).single();
        silentChannel = fx.publicId("acquisition_channel", channel);
        silentMeter = meter("SILENT-1", installed, fx.point(building, fx.premise(building, null, "20"), "HEAT"),
                NOW.minus(Duration.ofDays(3)));
        silentMeterId = fx.publicId("meter", silentMeter);
        jdbc.sql("update meter set channel_id = ? where id = ?").params(channel, silentMeter).update();
        // installed an hour ago and not read yet: no reading is expected so soon
        neverReadMeter = fx.publicId("meter", meter("NEW-1", NOW.minus(Duration.ofHours(1)),
                fx.point(building, fx.premise(building, null, "21"), "HEAT"), null));

        dueMeter = meter("DUE-1", installed, fx.point(building, fx.premise(building, null, "22"), "HEAT"), NOW);
        dueMeterId = fx.publicId("meter", dueMeter);
        jdbc.sql("update meter set next_verification = ? where id = ?")
                .params(LocalDate.of(2026, 11, 30), dueMeter).update();
        noDateMeter = fx.publicId("meter", meter("NODATE-1", installed,
                fx.point(building, fx.premise(building, null, "23"), "HEAT"), NOW));

        errorMeter = meter("ERR-1", installed, fx.point(building, fx.premise(building, null, "24"), "HEAT"),
                NOW.minus(Duration.ofHours(1)));
        errorMeterId = fx.publicId("meter", errorMeter);
        event(errorMeter, NOW.minus(Duration.ofHours(5)), "RAISED", "DANFOSS_AIR_IN_FLOW_SENSOR");

        // a building whose house meter counted 120 kWh last month and its flat 100: 16.7 % apart
        balanceBuilding = fx.building(org, MOSCOW.getId());
        balanceBuildingId = fx.publicId("building", balanceBuilding);
        Instant octoberStart = LocalDate.of(2026, 10, 1).atStartOfDay(MOSCOW).toInstant();
        Instant novemberStart = LocalDate.of(2026, 11, 1).atStartOfDay(MOSCOW).toInstant();
        long house = fx.register(meter("HOUSE-1", installed, fx.point(balanceBuilding, null, "HEAT"), NOW),
                "ENERGY", "kWh", 0, 0);
        long flat = fx.register(meter("FLAT-1", installed,
                fx.point(balanceBuilding, fx.premise(balanceBuilding, null, "1"), "HEAT"), NOW), "ENERGY", "kWh", 0, 0);
        fx.reading(house, octoberStart, "1000");
        fx.reading(house, novemberStart, "1120");
        fx.reading(flat, octoberStart, "500");
        fx.reading(flat, novemberStart, "600");

        manager = new Api(port, fx.token("MANAGER", org, null));
        otherManager = new Api(port, fx.token("MANAGER", fx.organisation("MANAGEMENT"), null));
        resident = new Api(port, fx.token("RESIDENT", null, leakPremise));
    }

    private long meter(String serial, Instant installed, long point, Instant lastSeen) {
        long m = fx.meter(RegistryFixture.unique(serial + "-"), null);
        fx.install(m, point, installed, null, null, null);
        jdbc.sql("update meter set last_seen_at = ?, next_verification = ? where id = ?")
                .params(lastSeen == null ? null : Timestamp.from(lastSeen), LocalDate.of(2030, 1, 1), m).update();
        return m;
    }

    private void event(long meter, Instant at, String kind, String code) {
        jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, ?, ?, ?, 'air in the flow sensor', 'воздух в датчике расхода', 'POLL')""")
                .params(meter, Timestamp.from(at), kind, code).update();
    }

    private List<JsonNode> alarms(Api as, String query) {
        Api.Response r = as.get("/api/v1/alarms?size=500&" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        return out;
    }

    private List<JsonNode> of(UUID object, String state) {
        return alarms(manager, "state=" + state + "&object=" + object);
    }

    @Test
    void eachConditionIsOneAlarmUntilItEnds() {
        evaluator.evaluate(NOW);
        AlarmEvaluator.Outcome again = evaluator.evaluate(NOW.plusSeconds(60));
        assertThat(again.raised()).as("a condition still holding raises nothing new").isZero();

        assertThat(of(leakPoint, "open")).singleElement()
                .satisfies(a -> {
                    assertThat(a.get("rule").asString()).isEqualTo("LEAK");
                    assertThat(a.get("severity").asString()).isEqualTo("CRITICAL");
                    assertThat(a.get("state").asString()).isEqualTo("RAISED");
                    assertThat(a.get("raisedDetail").asString()).contains("each of the 24 hours");
                    assertThat(a.get("premiseNumber").asString()).isEqualTo("17");
                    assertThat(a.get("raisedReadings").size()).isGreaterThan(0);
                });
        assertThat(of(gappyPoint, "all")).as("readings every four hours give no hourly figures").isEmpty();
        assertThat(of(nightlyPoint, "all")).as("a household sleeps").isEmpty();
        assertThat(of(silentMeterId, "open")).extracting(a -> a.get("rule").asString()).containsExactly("NO_READINGS");
        assertThat(of(silentChannel, "open")).singleElement()
                .satisfies(a -> assertThat(a.get("objectLabel").asString()).contains("Шлюз подвала"));
        assertThat(of(neverReadMeter, "all")).as("a meter installed an hour ago is not silent").isEmpty();
        assertThat(of(dueMeterId, "open")).extracting(a -> a.get("rule").asString()).containsExactly("VERIFICATION_DUE");
        assertThat(of(noDateMeter, "all")).isEmpty();
        assertThat(of(errorMeterId, "open")).extracting(a -> a.get("rule").asString()).containsExactly("METER_ERROR");
        assertThat(alarms(manager, "rule=IMBALANCE&building=" + balanceBuildingId)).singleElement()
                .satisfies(a -> assertThat(a.get("raisedDetail").asString()).contains("16.7 %"));

        // the conditions end: an hour without water, the silent meter answers, the meter verified, the error gone
        Instant later = NOW.plus(Duration.ofHours(1));
        fx.reading(leakRegister, HOUR.plus(Duration.ofHours(1)), "100.480");
        jdbc.sql("update meter set last_seen_at = ? where id = ?").params(Timestamp.from(later), silentMeter).update();
        jdbc.sql("update meter set next_verification = ? where id = ?").params(LocalDate.of(2030, 11, 30), dueMeter)
                .update();
        event(errorMeter, later.minusSeconds(60), "CLEARED", "DANFOSS_AIR_IN_FLOW_SENSOR");
        evaluator.evaluate(later);

        for (UUID object : List.of(leakPoint, silentMeterId, silentChannel, dueMeterId, errorMeterId)) {
            assertThat(of(object, "open")).as("open alarms of %s", object).isEmpty();
            assertThat(of(object, "cleared")).as("history of %s", object).singleElement()
                    .satisfies(a -> assertThat(a.get("clearedAt").asString()).isEqualTo(later.toString()));
        }
        assertThat(of(leakPoint, "cleared").get(0).get("clearedDetail").asString()).contains("consumption 0");

        // the condition returns: a new alarm, the old one stays history
        fx.reading(leakRegister, HOUR.plus(Duration.ofHours(2)), "100.500");
        for (int h = 3; h <= 26; h++) {
            fx.reading(leakRegister, HOUR.plus(Duration.ofHours(h)), "%.3f".formatted(100.5 + h * 0.01)
                    .replace(',', '.'));
        }
        evaluator.evaluate(NOW.plus(Duration.ofHours(26)));
        assertThat(of(leakPoint, "all")).extracting(a -> a.get("state").asString())
                .containsExactly("RAISED", "CLEARED");
    }

    @Test
    void theJournalShowsEachRoleItsScopeAndAcknowledgesOnce() {
        evaluator.evaluate(NOW);
        assertThat(alarms(otherManager, "state=all")).as("another company's manager").isEmpty();
        List<JsonNode> mine = alarms(resident, "state=all");
        assertThat(mine).isNotEmpty().allSatisfy(a -> assertThat(a.get("premiseNumber").asString()).isEqualTo("17"));

        String id = of(leakPoint, "open").get(0).get("id").asString();
        assertThat(resident.post("/api/v1/alarms/" + id + "/acknowledge", "{\"comment\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(otherManager.post("/api/v1/alarms/" + id + "/acknowledge", "{}").status()).isEqualTo(404);
        Api.Response ack = manager.post("/api/v1/alarms/" + id + "/acknowledge",
                "{\"comment\":\"  Сантехник выехал  \"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("state").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().get("acknowledgedComment").asString()).isEqualTo("Сантехник выехал");
        Api.Response twice = manager.post("/api/v1/alarms/" + id + "/acknowledge", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("acknowledged already");
        assertThat(alarms(manager, "state=acknowledged&object=" + leakPoint)).hasSize(1);

        assertThat(manager.get("/api/v1/alarms?severity=urgent").status()).isEqualTo(400);
        assertThat(manager.get("/api/v1/alarms?severity=urgent").body()).contains("severity");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'alarm' and action = 'UPDATE'")
                .query(Long.class).single()).as("the acknowledgement is audited").isPositive();
    }

    @Test
    void aRuleTurnedOffForABuildingClearsItsOpenAlarms() {
        evaluator.evaluate(NOW);
        assertThat(alarms(manager, "rule=IMBALANCE&building=" + balanceBuildingId)).hasSize(1);
        jdbc.sql("insert into alarm_rule_setting (rule, building_id, parameters) values ('IMBALANCE', ?, '{\"percent\": 20}')")
                .param(balanceBuilding).update();
        evaluator.evaluate(NOW.plusSeconds(1));
        assertThat(alarms(manager, "rule=IMBALANCE&building=" + balanceBuildingId))
                .as("16.7 % is within a 20 % limit").isEmpty();
        jdbc.sql("delete from alarm_rule_setting where building_id = ?").param(balanceBuilding).update();
    }

    @Test
    void ruleSettingsAreCheckedByTheRuleAndScopedByTheBuilding() {
        UUID b = fx.publicId("building", building);
        Api.Response negative = manager.put("/api/v1/alarm-rules/LEAK",
                "{\"building\":\"" + b + "\",\"parameters\":{\"hours\":-1,\"threshold\":0}}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("hours").contains("-1");
        Api.Response range = manager.put("/api/v1/alarm-rules/HEAT_RANGE",
                "{\"building\":\"" + b + "\",\"parameters\":{\"gmin\":5,\"gmax\":2,\"deltaTMin\":3}}");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body()).contains("gmin");
        assertThat(manager.put("/api/v1/alarm-rules/HEAT_RANGE", "{\"building\":\"" + b + "\"}").status())
                .as("a heat meter's range has no defaults").isEqualTo(400);
        assertThat(manager.put("/api/v1/alarm-rules/LEAK", "{\"building\":\"" + b
                + "\",\"parameters\":{\"hours\":12,\"threshold\":0,\"days\":3}}").status())
                .as("an unknown parameter").isEqualTo(400);
        assertThat(manager.put("/api/v1/alarm-rules/FLOOD", "{}").body()).contains("rule");
        assertThat(manager.put("/api/v1/alarm-rules/LEAK", "{\"parameters\":{\"hours\":12,\"threshold\":0}}")
                .status()).as("every building's defaults are the administrator's").isEqualTo(403);
        assertThat(otherManager.put("/api/v1/alarm-rules/LEAK", "{\"building\":\"" + b
                + "\",\"parameters\":{\"hours\":12,\"threshold\":0}}").status()).isEqualTo(404);
        assertThat(resident.get("/api/v1/alarm-rules").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from alarm_rule_setting").query(Long.class).single())
                .as("nothing refused was stored").isZero();

        Api.Response ok = manager.put("/api/v1/alarm-rules/LEAK", "{\"building\":\"" + b
                + "\",\"resource\":\"COLD_WATER\",\"parameters\":{\"hours\":12,\"threshold\":0.005}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        long id = ok.json().get("id").asLong();
        JsonNode leak = null;
        for (JsonNode rule : manager.get("/api/v1/alarm-rules").json()) {
            if (rule.get("rule").asString().equals("LEAK")) {
                leak = rule;
            }
        }
        assertThat(leak.get("defaults").get("COLD_WATER").get("hours").asInt()).isEqualTo(24);
        assertThat(leak.get("defaults").has("HEAT")).as("no leak of heat by default").isFalse();
        assertThat(leak.get("settings")).singleElement()
                .satisfies(s -> assertThat(s.get("parameters").get("threshold").decimalValue())
                        .isEqualByComparingTo("0.005"));
        assertThat(otherManager.get("/api/v1/alarm-rules").body()).doesNotContain(b.toString());
        assertThat(otherManager.send("DELETE", "/api/v1/alarm-rules/LEAK/settings/" + id, null).status())
                .isEqualTo(404);
        assertThat(manager.send("DELETE", "/api/v1/alarm-rules/LEAK/settings/" + id, null).status()).isEqualTo(204);
    }
}
