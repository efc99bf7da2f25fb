package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.reading.ReadingSource;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The endpoint over real HTTP with bearer tokens, on a registry written with SQL. One Moscow building:
 * entrance 1 with flats 1 and 2, entrance 2 with flat 3, a common house heat meter, and flat 4 with a
 * Danfoss heat meter whose pulse inputs count the flat's waters.
 */
@ServerTest
// the rows written here would otherwise stay in the database of the next test class sharing the context
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionApiTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;
    @Autowired
    ReadingStore readingStore;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    RegistryFixture fx;

    long org;
    UUID building;
    UUID entrance1;
    UUID flat1;
    UUID flat2;
    UUID heat1;
    UUID heat2;
    UUID commonHeat;
    UUID heat4;
    UUID cold4;
    UUID hot4;
    UUID wrapping;
    long heat1Register;
    long coldRegister;
    String h1Serial;
    String admin;
    String manager;
    String otherManager;
    String resident1;

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    @BeforeAll
    void registry() {
        fx = new RegistryFixture(jdbc, partitions);
        org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        long e1 = fx.entrance(b, 1);
        long e2 = fx.entrance(b, 2);
        long p1 = fx.premise(b, e1, "1");
        long p2 = fx.premise(b, e1, "2");
        long p3 = fx.premise(b, e2, "3");
        long p4 = fx.premise(b, e2, "4");
        building = fx.publicId("building", b);
        entrance1 = fx.publicId("entrance", e1);
        flat1 = fx.publicId("premise", p1);
        flat2 = fx.publicId("premise", p2);

        long h1 = fx.point(b, p1, "HEAT");
        long h2 = fx.point(b, p2, "HEAT");
        long h3 = fx.point(b, p3, "HEAT");
        long hb = fx.point(b, null, "HEAT");
        heat1 = fx.publicId("metering_point", h1);
        heat2 = fx.publicId("metering_point", h2);
        commonHeat = fx.publicId("metering_point", hb);

        // flat 1: interpolated at the 3rd's midnight (101.250000), exact elsewhere
        h1Serial = RegistryFixture.unique("H1-");
        heat1Register = meterWithReadings(h1Serial, null, h1, "ENERGY", "kWh",
                "2026-11-02T00:00", "100.000", "2026-11-02T23:00", "101.000", "2026-11-03T01:00", "101.500",
                "2026-11-04T00:00", "102.000", "2026-11-05T00:00", "103.500");
        // flat 2: nothing close enough to the 4th's and 5th's midnights: days 2 and 3 are gaps
        meterWithReadings(RegistryFixture.unique("H2-"), null, h2, "ENERGY", "kWh",
                "2026-11-02T00:00", "50.0", "2026-11-03T00:00", "51.0", "2026-11-06T00:00", "60.0");
        meterWithReadings(RegistryFixture.unique("H3-"), null, h3, "ENERGY", "kWh",
                "2026-11-02T00:00", "200", "2026-11-03T00:00", "202", "2026-11-04T00:00", "204",
                "2026-11-05T00:00", "206");
        meterWithReadings(RegistryFixture.unique("HB-"), null, hb, "ENERGY", "kWh",
                "2026-11-02T00:00", "1000", "2026-11-03T00:00", "1010", "2026-11-04T00:00", "1020",
                "2026-11-05T00:00", "1030");

        // flat 4: one Danfoss meter, three points, written through the real reading store
        long hp4 = fx.point(b, p4, "HEAT");
        long cp4 = fx.point(b, p4, "COLD_WATER", 1);
        long wp4 = fx.point(b, p4, "HOT_WATER", 2);
        heat4 = fx.publicId("metering_point", hp4);
        cold4 = fx.publicId("metering_point", cp4);
        hot4 = fx.publicId("metering_point", wp4);
        String dfs = RegistryFixture.unique("7");
        danfoss(dfs, "2026-11-02T00:00", "5000", "12.000", "30.100", "20.200");
        danfoss(dfs, "2026-11-03T00:00", "5012", "12.500", "30.400", "20.300");
        long dfsMeter = jdbc.sql("select id from meter where serial = ?").param(dfs).query(Long.class).single();
        for (long point : List.of(hp4, cp4, wp4)) {
            fx.install(dfsMeter, point, EARLY, null, null, null);
        }
        coldRegister = jdbc.sql("select id from register where meter_id = ? and quantity = 'VOLUME' and subunit = 1")
                .param(dfsMeter).query(Long.class).single();

        // a cold water point in flat 3 whose 5-digit register wraps, then goes down for real
        long wp = fx.point(b, p3, "COLD_WATER");
        wrapping = fx.publicId("metering_point", wp);
        meterWithReadings(RegistryFixture.unique("W-"), 5, wp, "VOLUME", "m3",
                "2026-11-02T00:00", "99.990", "2026-11-02T12:00", "99.998", "2026-11-03T00:00", "0.004",
                "2026-11-03T12:00", "0.002", "2026-11-04T00:00", "0.010");

        admin = fx.token("ADMIN", null, null);
        manager = fx.token("MANAGER", org, null);
        otherManager = fx.token("MANAGER", fx.organisation("MANAGEMENT"), null);
        resident1 = fx.token("RESIDENT", null, p1);
    }

    /** A meter installed at the point since long ago, with one current register and its readings. */
    private long meterWithReadings(String serial, Integer digits, long point, String quantity, String unit,
            String... timesAndValues) {
        long meter = fx.meter(serial, digits);
        fx.install(meter, point, EARLY, null, null, null);
        long register = fx.register(meter, quantity, unit, 0, 0);
        for (int i = 0; i < timesAndValues.length; i += 2) {
            fx.reading(register, msk(timesAndValues[i]), timesAndValues[i + 1]);
        }
        return register;
    }

    private void danfoss(String serial, String at, String energy, String volume, String cold, String hot) {
        Instant t = msk(at);
        List<RegisterValue> values = List.of(
                new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), t, new BigDecimal(energy)),
                new RegisterValue(RegisterKey.current(Quantity.VOLUME, Unit.M3), t, new BigDecimal(volume)),
                new RegisterValue(new RegisterKey(Quantity.VOLUME, Unit.M3, 0, 0, 1, Function.INSTANTANEOUS), t,
                        new BigDecimal(cold)),
                new RegisterValue(new RegisterKey(Quantity.VOLUME, Unit.M3, 0, 0, 2, Function.INSTANTANEOUS), t,
                        new BigDecimal(hot)));
        MeterIdentity id = new MeterIdentity(serial, Optional.of("DFS"), Optional.of(0x30), Optional.of(0x04));
        readingStore.store(List.of(new MeterReadout(id, t, values, List.of())), ReadingSource.IMPORT, null);
    }

    record Response(int status, JsonNode body) {
    }

    Response get(String token, String query) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/consumption?" + query));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isEmpty() ? null : json.readTree(r.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(String token, String query) {
        Response r = get(token, query);
        assertThat(r.status()).as("%s → %s", query, r.body()).isEqualTo(200);
        return r.body();
    }

    static List<String> values(JsonNode intervals) {
        List<String> out = new ArrayList<>();
        intervals.forEach(i -> out.add(i.get("value").isNull() ? null : i.get("value").asString()));
        return out;
    }

    static List<String> statuses(JsonNode intervals) {
        List<String> out = new ArrayList<>();
        intervals.forEach(i -> out.add(i.get("status").asString()));
        return out;
    }

    @Test
    void pointByDayGivesExactFiguresAndTheReadingsBehindThem() {
        JsonNode body = ok(admin, "point=" + heat1 + "&from=2026-11-02&to=2026-11-05&resolution=DAY");

        assertThat(body.get("resource").asString()).isEqualTo("HEAT");
        assertThat(body.get("target").get("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(body.get("from").asString()).isEqualTo("2026-11-02T00:00:00+03:00");
        assertThat(body.get("maxInterpolationDistance").asString()).isEqualTo("PT36H");
        JsonNode point = body.get("points").get(0);
        assertThat(point.get("unit").asString()).isEqualTo("kWh");
        JsonNode intervals = point.get("intervals");
        assertThat(values(intervals)).containsExactly("1.250000", "0.750000", "1.500");
        assertThat(statuses(intervals)).containsExactly("COMPLETE", "COMPLETE", "COMPLETE");
        assertThat(intervals.get(0).get("interpolated").asBoolean()).isTrue();
        assertThat(intervals.get(2).get("interpolated").asBoolean()).isFalse();

        JsonNode firstDay = intervals.get(0).get("segments").get(0);
        assertThat(firstDay.get("meter").asString()).isEqualTo(h1Serial);
        JsonNode start = firstDay.get("start");
        assertThat(start.get("source").asString()).isEqualTo("READING");
        assertThat(start.get("readings").get(0).get("registerId").asLong()).isEqualTo(heat1Register);
        assertThat(start.get("readings").get(0).get("measuredAt").asString()).isEqualTo("2026-11-02T00:00:00+03:00");
        assertThat(start.get("readings").get(0).get("value").asString()).isEqualTo("100.000");
        JsonNode end = firstDay.get("end");
        assertThat(end.get("source").asString()).isEqualTo("INTERPOLATED");
        assertThat(end.get("value").asString()).isEqualTo("101.250000");
        assertThat(end.get("readings")).extracting(r -> r.get("measuredAt").asString())
                .containsExactly("2026-11-02T23:00:00+03:00", "2026-11-03T01:00:00+03:00");
        assertThat(body.get("totals")).isEmpty();
    }

    @Test
    void figuresOnlyWhenReadingsAreNotWanted() {
        JsonNode body = ok(admin, "point=" + heat1 + "&from=2026-11-02&to=2026-11-03&readings=false");
        JsonNode interval = body.get("points").get(0).get("intervals").get(0);
        assertThat(interval.get("value").asString()).isEqualTo("1.250000");
        assertThat(interval.has("segments")).isFalse();
    }

    @Test
    void buildingSeparatesTheCommonMeterFromThePremisesAndNamesGaps() {
        JsonNode body = ok(manager, "building=" + building + "&resource=HEAT&from=2026-11-02&to=2026-11-05");

        JsonNode totals = body.get("totals");
        assertThat(totals).extracting(t -> t.get("group").asString()).containsExactly("BUILDING_METERS", "PREMISES");
        JsonNode common = totals.get(0);
        assertThat(common.get("points").asInt()).isEqualTo(1);
        assertThat(values(common.get("intervals"))).containsExactly("10", "10", "10");
        assertThat(statuses(common.get("intervals"))).containsExactly("COMPLETE", "COMPLETE", "COMPLETE");

        JsonNode premises = totals.get(1);
        // flats 1, 2, 3 and 4 (the Danfoss meter's energy: 12 kWh on the first day, nothing after)
        assertThat(premises.get("points").asInt()).isEqualTo(4);
        JsonNode days = premises.get("intervals");
        assertThat(statuses(days)).containsExactly("COMPLETE", "PARTIAL", "PARTIAL");
        // 1.25 + 1 + 2 + 12; then without flat 2 (gap) and flat 4 (no readings)
        assertThat(values(days)).containsExactly("16.250000", "2.750000", "3.500");
        assertThat(days.get(1).get("pointsWithData").asInt()).isEqualTo(2);
        assertThat(days.get(1).get("pointsMissing").asInt()).isEqualTo(2);
        assertThat(days.get(1).get("pointsAnomalous").asInt()).isZero();

        // the points are listed, common meter first, so the missing ones can be found
        JsonNode points = body.get("points");
        assertThat(points).hasSize(5);
        assertThat(points.get(0).get("id").asString()).isEqualTo(commonHeat.toString());
        assertThat(points.get(0).has("premise")).isFalse();
        JsonNode flat2Days = points.get(2).get("intervals");
        assertThat(points.get(2).get("premise").get("number").asString()).isEqualTo("2");
        assertThat(statuses(flat2Days)).containsExactly("COMPLETE", "GAP", "GAP");
        assertThat(flat2Days.get(1).get("value").isNull()).isTrue();
        assertThat(flat2Days.get(1).get("problems").get(0).asString()).contains("36 h");
    }

    @Test
    void entranceAndPremiseSumTheirOwnPoints() {
        JsonNode entrance = ok(admin, "entrance=" + entrance1 + "&resource=HEAT&from=2026-11-02&to=2026-11-04");
        assertThat(entrance.get("totals")).singleElement()
                .satisfies(t -> assertThat(t.get("group").asString()).isEqualTo("PREMISES"));
        assertThat(values(entrance.get("totals").get(0).get("intervals"))).containsExactly("2.250000", "0.750000");
        assertThat(statuses(entrance.get("totals").get(0).get("intervals"))).containsExactly("COMPLETE", "PARTIAL");

        JsonNode premise = ok(admin, "premise=" + flat1 + "&resource=heat&from=2026-11-02&to=2026-11-03");
        assertThat(values(premise.get("totals").get(0).get("intervals"))).containsExactly("1.250000");
    }

    @Test
    void danfossPulseInputsMeasureTheFlatsWaters() {
        String period = "&from=2026-11-02&to=2026-11-03";
        assertThat(values(ok(admin, "point=" + heat4 + period).get("points").get(0).get("intervals")))
                .containsExactly("12");
        JsonNode cold = ok(admin, "point=" + cold4 + period).get("points").get(0);
        assertThat(cold.get("register").get("subunit").asInt()).isEqualTo(1);
        assertThat(cold.get("register").get("quantity").asString()).isEqualTo("VOLUME");
        assertThat(values(cold.get("intervals"))).containsExactly("0.300");
        assertThat(cold.get("intervals").get(0).get("segments").get(0).get("start").get("readings").get(0)
                .get("registerId").asLong()).isEqualTo(coldRegister);
        assertThat(values(ok(admin, "point=" + hot4 + period).get("points").get(0).get("intervals")))
                .containsExactly("0.100");
    }

    @Test
    void oneRegisterCannotCountForTwoPointsAtOnce() {
        long meter = jdbc.sql("select m.id from meter m join meter_installation i on i.meter_id = m.id "
                + "join metering_point p on p.id = i.point_id where p.public_id = ?").param(cold4).query(Long.class).single();
        long b = jdbc.sql("select building_id from metering_point where public_id = ?").param(cold4).query(Long.class).single();
        long anotherCold = fx.point(b, fx.premise(b, null, RegistryFixture.unique("K")), "COLD_WATER", 1);
        assertThatThrownBy(() -> fx.install(meter, anotherCold, msk("2026-11-10T00:00"), null, null, null))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("same register");
    }

    @Test
    void rolloverIsCountedAndARealDecreaseIsShownAsAnAnomaly() {
        JsonNode point = ok(admin, "point=" + wrapping + "&from=2026-11-02&to=2026-11-04").get("points").get(0);
        JsonNode days = point.get("intervals");
        assertThat(statuses(days)).containsExactly("COMPLETE", "ANOMALY");
        // 99.990 → 99.998 → (wrap at 100) 0.004: 0.014
        assertThat(days.get(0).get("value").asString()).isEqualTo("0.014");
        assertThat(days.get(0).get("segments").get(0).get("rollovers")).hasSize(1);
        assertThat(days.get(1).get("value").isNull()).isTrue();
        JsonNode decrease = days.get(1).get("segments").get(0).get("decrease");
        assertThat(decrease.get("fromValue").asString()).isEqualTo("0.004");
        assertThat(decrease.get("toValue").asString()).isEqualTo("0.002");
    }

    @Test
    void monthUsesTheDueDateValues() {
        // a building of its own, so that the other tests' building keeps its points
        long b = fx.building(org, "Europe/Moscow");
        long point = fx.point(b, fx.premise(b, null, "1"), "HEAT");
        long meter = fx.meter(RegistryFixture.unique("DD-"), null);
        fx.install(meter, point, EARLY, null, null, null);
        long current = fx.register(meter, "ENERGY", "kWh", 0, 0);
        long due = fx.register(meter, "ENERGY", "kWh", 1, 0);
        fx.reading(current, msk("2026-10-31T22:00"), "400");
        fx.reading(current, msk("2026-11-01T02:00"), "404");
        fx.reading(current, msk("2026-11-30T22:00"), "700");
        fx.reading(current, msk("2026-12-01T02:00"), "704");
        fx.reading(due, msk("2026-11-01T00:00"), "401");
        fx.reading(due, msk("2026-12-01T00:00"), "703");

        JsonNode month = ok(admin, "point=" + fx.publicId("metering_point", point)
                + "&from=2026-11&to=2026-12&resolution=MONTH").get("points").get(0).get("intervals").get(0);
        assertThat(month.get("start").asString()).isEqualTo("2026-11-01T00:00:00+03:00");
        assertThat(month.get("end").asString()).isEqualTo("2026-12-01T00:00:00+03:00");
        assertThat(month.get("value").asString()).isEqualTo("302");
        JsonNode segment = month.get("segments").get(0);
        assertThat(segment.get("start").get("source").asString()).isEqualTo("DUE_DATE");
        assertThat(segment.get("start").get("readings").get(0).get("registerId").asLong()).isEqualTo(due);
        assertThat(segment.get("start").get("readings").get(0).get("kind").asString()).isEqualTo("DUE_DATE");
        assertThat(segment.get("end").get("source").asString()).isEqualTo("DUE_DATE");
    }

    @Test
    void residentSeesOnlyTheirOwnPremise() {
        assertThat(ok(resident1, "point=" + heat1 + "&from=2026-11-02&to=2026-11-03").get("points")).hasSize(1);
        assertThat(ok(resident1, "premise=" + flat1 + "&resource=HEAT&from=2026-11-02&to=2026-11-03").get("points"))
                .hasSize(1);

        for (String foreign : List.of("point=" + heat2, "premise=" + flat2 + "&resource=HEAT",
                "point=" + commonHeat, "entrance=" + entrance1 + "&resource=HEAT",
                "building=" + building + "&resource=HEAT", "point=" + UUID.randomUUID())) {
            Response r = get(resident1, foreign + "&from=2026-11-02&to=2026-11-03");
            assertThat(r.status()).as(foreign).isEqualTo(404);
            assertThat(r.body().get("detail").asString()).contains("not found");
        }
    }

    @Test
    void anotherCompanysManagerDoesNotSeeTheBuilding() {
        assertThat(get(otherManager, "building=" + building + "&resource=HEAT&from=2026-11-02&to=2026-11-03").status())
                .isEqualTo(404);
        assertThat(get(otherManager, "point=" + heat1 + "&from=2026-11-02&to=2026-11-03").status()).isEqualTo(404);
        assertThat(get(null, "point=" + heat1 + "&from=2026-11-02&to=2026-11-03").status()).isEqualTo(401);
    }

    @Test
    void badQueriesAreRefusedSayingWhy() {
        String p = "point=" + heat1;
        assertBad("from=2026-11-02&to=2026-11-03", "exactly one of");
        assertBad(p + "&premise=" + flat1 + "&from=2026-11-02&to=2026-11-03", "exactly one of");
        assertBad(p + "&from=2026-11-02&to=2026-11-03&resolution=WEEK", "HOUR, DAY, MONTH");
        assertBad(p + "&from=2026-11-03&to=2026-11-02", "must be after");
        assertBad(p + "&from=2026-01-01&to=2027-01-01&resolution=HOUR", "more than 5000 intervals");
        assertBad(p + "&from=yesterday&to=2026-11-03", "'from'");
        assertBad(p + "&to=2026-11-03", "'from' is required");
        assertBad(p + "&resource=GAS&from=2026-11-02&to=2026-11-03", "measures HEAT, not GAS");
        assertBad("building=" + building + "&from=2026-11-02&to=2026-11-03", "'resource' is required");
        assertBad("building=" + building + "&resource=STEAM&from=2026-11-02&to=2026-11-03", "not one of");
        assertBad("point=not-a-uuid&from=2026-11-02&to=2026-11-03", "UUID");
    }

    private void assertBad(String query, String detail) {
        Response r = get(admin, query);
        assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).as(query).contains(detail);
    }

    @Test
    void periodsInInstantsAreWidenedToWholeLocalIntervals() {
        // 2026-11-02T10:00Z is 13:00 in Moscow: the day starting at the 2nd's local midnight
        JsonNode body = ok(admin, "point=" + heat1 + "&from=2026-11-02T10:00:00Z&to=2026-11-02T22:00:00%2B03:00");
        assertThat(body.get("from").asString()).isEqualTo("2026-11-02T00:00:00+03:00");
        assertThat(body.get("to").asString()).isEqualTo("2026-11-03T00:00:00+03:00");
        assertThat(body.get("points").get(0).get("intervals")).hasSize(1);
    }

    @Test
    void replacedMeterAndItsSuccessorAreBothCounted() {
        long b = fx.building(org, "Europe/Moscow");
        long point = fx.point(b, fx.premise(b, null, "1"), "HOT_WATER");
        Instant swap = msk("2026-11-02T15:30");
        long old = fx.meter(RegistryFixture.unique("OLD-"), null);
        long neu = fx.meter(RegistryFixture.unique("NEW-"), null);
        fx.install(old, point, EARLY, swap, null, "33.333");
        fx.install(neu, point, swap, null, "0.001", null);
        long oldRegister = fx.register(old, "VOLUME", "m3", 0, 0);
        long newRegister = fx.register(neu, "VOLUME", "m3", 0, 0);
        fx.reading(oldRegister, msk("2026-11-02T00:00"), "33.000");
        // read after its removal (in the workshop): not the point's
        fx.reading(oldRegister, msk("2026-11-03T00:00"), "33.400");
        fx.reading(newRegister, msk("2026-11-03T00:00"), "0.201");

        JsonNode day = ok(admin, "point=" + fx.publicId("metering_point", point) + "&from=2026-11-02&to=2026-11-03")
                .get("points").get(0).get("intervals").get(0);

        // (33.333 − 33.000) + (0.201 − 0.001)
        assertThat(day.get("value").asString()).isEqualTo("0.533");
        JsonNode segments = day.get("segments");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).get("end").get("source").asString()).isEqualTo("INSTALLATION_ACT");
        assertThat(segments.get(0).get("end").get("at").asString()).isEqualTo("2026-11-02T15:30:00+03:00");
        assertThat(segments.get(0).get("end").get("readings").get(0).has("registerId")).isFalse();
        assertThat(segments.get(1).get("start").get("value").asString()).isEqualTo("0.001");
        assertThat(segments.get(1).get("consumption").asString()).isEqualTo("0.200");
    }

    @Test
    void hoursFollowABerlinBuildingsDaylightSavingChange() {
        long b = fx.building(org, "Europe/Berlin");
        long point = fx.point(b, fx.premise(b, null, "1"), "COLD_WATER");
        long meter = fx.meter(RegistryFixture.unique("B-"), null);
        fx.install(meter, point, EARLY, null, null, null);
        long register = fx.register(meter, "VOLUME", "m3", 0, 0);
        Instant t = Instant.parse("2026-10-24T21:00:00Z");
        for (int i = 0; i <= 27; i++) {
            fx.reading(register, t.plusSeconds(3600L * i), Integer.toString(i * 2));
        }

        JsonNode body = ok(admin, "point=" + fx.publicId("metering_point", point)
                + "&from=2026-10-25&to=2026-10-26&resolution=HOUR&readings=false");

        assertThat(body.get("from").asString()).isEqualTo("2026-10-25T00:00:00+02:00");
        assertThat(body.get("to").asString()).isEqualTo("2026-10-26T00:00:00+01:00");
        JsonNode hours = body.get("points").get(0).get("intervals");
        assertThat(hours).hasSize(25);
        assertThat(values(hours)).containsOnly("2");
        assertThat(hours.get(2).get("start").asString()).isEqualTo("2026-10-25T02:00:00+02:00");
        assertThat(hours.get(3).get("start").asString()).isEqualTo("2026-10-25T02:00:00+01:00");
    }

    @Test
    void aPointsRegisterQuantityFollowsItsResourceUnlessSet() {
        long b = fx.building(org, "Europe/Moscow");
        long point = fx.point(b, null, "ELECTRICITY");
        assertThat(quantity(point)).isEqualTo("ENERGY");
        jdbc.sql("update metering_point set resource = 'GAS' where id = ?").param(point).update();
        assertThat(quantity(point)).isEqualTo("VOLUME");
        jdbc.sql("update metering_point set resource = 'HEAT', quantity = 'MASS' where id = ?").param(point).update();
        assertThat(quantity(point)).isEqualTo("MASS");
        assertThatThrownBy(() -> jdbc.sql("update metering_point set quantity = 'POWER' where id = ?").param(point).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private String quantity(long point) {
        return jdbc.sql("select quantity from metering_point where id = ?").param(point).query(String.class).single();
    }
}
