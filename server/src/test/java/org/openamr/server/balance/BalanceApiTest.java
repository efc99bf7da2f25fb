package org.openamr.server.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/buildings/{id}/balance} over real HTTP with bearer tokens, on a registry written with SQL: a
 * Moscow building of a management and a service company with a house heat meter and two flats, one of which
 * has a gap; and another company's building.
 */
@ServerTest
// the rows written here would otherwise stay in the database of the next test class sharing the context
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceApiTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant EARLY = Instant.parse("2025-01-01T00:00:00Z");
    static final String PERIOD = "resource=HEAT&from=2026-11-02&to=2026-11-05&resolution=DAY";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    RegistryFixture fx;

    UUID building;
    UUID foreign;
    String admin;
    String operator;
    String manager;
    String resident;
    String otherManager;

    static Instant msk(String local) {
        return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
    }

    @BeforeAll
    void registry() {
        fx = new RegistryFixture(jdbc, partitions);
        long management = fx.organisation("MANAGEMENT");
        long service = fx.organisation("SERVICE");
        long b = fx.building(management, "Europe/Moscow");
        jdbc.sql("update building set service_org_id = ? where id = ?").params(service, b).update();
        building = fx.publicId("building", b);
        long flat1 = fx.premise(b, null, "1");
        long flat2 = fx.premise(b, null, "2");
        heatMeter(fx.point(b, null, "HEAT"), "2026-11-02T00:00", "1000", "2026-11-03T00:00", "1010",
                "2026-11-04T00:00", "1020", "2026-11-05T00:00", "1030");
        heatMeter(fx.point(b, flat1, "HEAT"), "2026-11-02T00:00", "100", "2026-11-03T00:00", "102",
                "2026-11-04T00:00", "104", "2026-11-05T00:00", "106");
        // nothing within 36 h of the 4th's and 5th's midnights: the 3rd and 4th are gaps
        heatMeter(fx.point(b, flat2, "HEAT"), "2026-11-02T00:00", "50", "2026-11-03T00:00", "53",
                "2026-11-07T00:00", "60");

        long otherCompany = fx.organisation("MANAGEMENT");
        foreign = fx.publicId("building", fx.building(otherCompany, "Europe/Moscow"));

        admin = fx.token("ADMIN", null, null);
        operator = fx.token("OPERATOR", service, null);
        manager = fx.token("MANAGER", management, null);
        resident = fx.token("RESIDENT", null, flat1);
        otherManager = fx.token("MANAGER", otherCompany, null);
    }

    private void heatMeter(long point, String... timesAndValues) {
        long meter = fx.meter(RegistryFixture.unique("BAL-"), null);
        fx.install(meter, point, EARLY, null, null, null);
        long register = fx.register(meter, "ENERGY", "kWh", 0, 0);
        for (int i = 0; i < timesAndValues.length; i += 2) {
            fx.reading(register, msk(timesAndValues[i]), timesAndValues[i + 1]);
        }
    }

    record Response(int status, JsonNode body) {
    }

    Response get(String token, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body().isEmpty() ? null : json.readTree(r.body()));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Response balance(String token, UUID id, String query) {
        return get(token, "/api/v1/buildings/" + id + "/balance?" + query);
    }

    static List<String> texts(JsonNode rows, String... path) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            JsonNode n = row;
            for (String p : path) {
                n = n.get(p);
            }
            out.add(n.isNull() ? null : n.asString());
        }
        return out;
    }

    @Test
    void houseAgainstApartmentsWithTheirDifferenceOnlyWhereBothAreComplete() {
        Response r = balance(manager, building, PERIOD);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        JsonNode body = r.body();
        assertThat(body.get("building").asString()).isEqualTo(building.toString());
        assertThat(body.get("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(body.get("resource").asString()).isEqualTo("HEAT");
        assertThat(body.get("resolution").asString()).isEqualTo("DAY");
        assertThat(body.get("unit").asString()).isEqualTo("kWh");
        assertThat(body.get("from").asString()).isEqualTo("2026-11-02T00:00:00+03:00");
        assertThat(body.get("to").asString()).isEqualTo("2026-11-05T00:00:00+03:00");
        assertThat(body.get("houseMeters").asInt()).isEqualTo(1);
        assertThat(body.get("premisePoints").asInt()).isEqualTo(2);
        JsonNode rows = body.get("intervals");
        assertThat(texts(rows, "start")).containsExactly("2026-11-02T00:00:00+03:00", "2026-11-03T00:00:00+03:00",
                "2026-11-04T00:00:00+03:00");
        assertThat(texts(rows, "house", "value")).containsExactly("10", "10", "10");
        assertThat(texts(rows, "house", "status")).containsOnly("COMPLETE");
        assertThat(texts(rows, "premises", "value")).containsExactly("5", "2", "2");
        assertThat(texts(rows, "premises", "status")).containsExactly("COMPLETE", "PARTIAL", "PARTIAL");
        assertThat(texts(rows, "premises", "pointsWithData")).containsExactly("2", "1", "1");
        // a difference of partial sums would blame the common areas for a missing flat
        assertThat(texts(rows, "difference")).containsExactly("5", null, null);
    }

    @Test
    void theFiguresAreTheConsumptionApisBuildingTotals() {
        JsonNode totals = get(admin, "/api/v1/consumption?building=" + building + "&" + PERIOD + "&readings=false")
                .body().get("totals");
        JsonNode rows = balance(admin, building, PERIOD).body().get("intervals");
        assertThat(texts(rows, "house", "value")).isEqualTo(texts(totals.get(0).get("intervals"), "value"));
        assertThat(texts(rows, "premises", "value")).isEqualTo(texts(totals.get(1).get("intervals"), "value"));
    }

    @Test
    void everyRoleAsForTheBuildingsSumsAndAnotherCompanysBuildingIsNotFound() {
        assertThat(balance(admin, building, PERIOD).status()).isEqualTo(200);
        assertThat(balance(operator, building, PERIOD).status()).isEqualTo(200);
        assertThat(balance(manager, building, PERIOD).status()).isEqualTo(200);
        // the balance sums the neighbours' flats, which a resident does not see
        assertThat(balance(resident, building, PERIOD).status()).isEqualTo(404);
        assertThat(balance(otherManager, building, PERIOD).status()).isEqualTo(404);
        assertThat(balance(manager, foreign, PERIOD).status()).isEqualTo(404);
        assertThat(balance(operator, foreign, PERIOD).status()).isEqualTo(404);
        assertThat(balance(resident, foreign, PERIOD).status()).isEqualTo(404);
        assertThat(balance(admin, foreign, PERIOD).status()).isEqualTo(200);
        assertThat(balance(admin, UUID.randomUUID(), PERIOD).status()).isEqualTo(404);
        assertThat(balance(null, building, PERIOD).status()).isEqualTo(401);
    }

    @Test
    void badParametersAreRefusedSayingWhy() {
        assertBad(building + "/balance?resource=HEAT&from=2026-11-02&to=2026-11-05&resolution=WEEK", "HOUR, DAY, MONTH");
        assertBad(building + "/balance?resource=HEAT&from=yesterday&to=2026-11-05", "'from'");
        assertBad(building + "/balance?resource=HEAT&to=2026-11-05", "'from' is required");
        assertBad(building + "/balance?resource=HEAT&from=2026-11-05&to=2026-11-02", "must be after");
        assertBad(building + "/balance?from=2026-11-02&to=2026-11-05", "'resource' is required");
        assertBad(building + "/balance?resource=STEAM&from=2026-11-02&to=2026-11-05", "not one of");
        assertBad("not-a-uuid/balance?" + PERIOD, "UUID");
    }

    private void assertBad(String path, String detail) {
        Response r = get(admin, "/api/v1/buildings/" + path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(400);
        assertThat(r.body().get("detail").asString()).as(path).contains(detail);
    }
}
