package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo building's size: 60 flats, each with a heat meter whose pulse inputs count cold and hot
 * water (180 points), and a common house meter, read every hour: whole-building queries at that
 * size give exact totals. How fast they are is measured by a benchmark, not here.
 */
@ServerTest
// the rows written here would otherwise stay in the database of the next test class sharing the context
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionAtBuildingScaleTest {

    static final int FLATS = 60;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    UUID building;
    String token;

    @BeforeAll
    void demoSizedBuilding() {
        RegistryFixture fx = new RegistryFixture(jdbc, partitions);
        long org = fx.organisation("MANAGEMENT");
        long b = fx.building(org, "Europe/Moscow");
        building = fx.publicId("building", b);
        String tag = RegistryFixture.unique("PERF");
        for (int flat = 1; flat <= FLATS; flat++) {
            long premise = fx.premise(b, null, Integer.toString(flat));
            long meter = fx.meter(tag + "-" + flat, 8);
            fx.install(meter, fx.point(b, premise, "HEAT"), ConsumptionApiTest.EARLY, null, null, null);
            fx.install(meter, fx.point(b, premise, "COLD_WATER", 1), ConsumptionApiTest.EARLY, null, null, null);
            fx.install(meter, fx.point(b, premise, "HOT_WATER", 2), ConsumptionApiTest.EARLY, null, null, null);
            fx.register(meter, "ENERGY", "kWh", 0, 0);
            fx.register(meter, "VOLUME", "m3", 0, 1);
            fx.register(meter, "VOLUME", "m3", 0, 2);
        }
        long common = fx.meter(tag + "-common", 8);
        fx.install(common, fx.point(b, null, "HEAT"), ConsumptionApiTest.EARLY, null, null, null);
        fx.register(common, "ENERGY", "kWh", 0, 0);
        fx.partitions(YearMonth.of(2026, 10), YearMonth.of(2026, 12));
        // every register rises 0.125 per hour from a start of its own; Moscow midnights are whole UTC hours
        jdbc.sql("""
                insert into reading (register_id, measured_at, value, source)
                select r.id, t,
                       round((r.id % 1000) * 10 + extract(epoch from t - timestamptz '2026-10-25 00:00Z') / 3600 * 0.125, 3),
                       'DEMO'
                from register r join meter m on m.id = r.meter_id,
                     generate_series(timestamptz '2026-10-25 00:00Z', timestamptz '2026-12-05 00:00Z', interval '1 hour') t
                where m.serial like :tag""").param("tag", tag + "-%").update();
        jdbc.sql("analyze reading").update();
        token = fx.token("ADMIN", null, null);
    }

    @Test
    void aMonthByDayForTheWholeBuildingSumsEveryFlat() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/api/v1/consumption?building=" + building
                + "&resource=HEAT&from=2026-11-01&to=2026-12-01&resolution=DAY");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
        HttpResponse<String> warmUp = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(warmUp.statusCode()).isEqualTo(200);

        HttpResponse<String> last = http.send(request, HttpResponse.BodyHandlers.ofString());

        JsonNode body = json.readTree(last.body());
        JsonNode premises = body.get("totals").get(1);
        assertThat(premises.get("points").asInt()).isEqualTo(FLATS);
        assertThat(premises.get("intervals")).hasSize(30).allSatisfy(day -> {
            assertThat(day.get("status").asString()).isEqualTo("COMPLETE");
            // 60 flats × 24 h × 0.125 kWh
            assertThat(day.get("value").asString()).isEqualTo("180.000");
        });
        assertThat(body.get("totals").get(0).get("intervals").get(0).get("value").asString()).isEqualTo("3.000");
    }

    @Test
    void aMonthByHourForTheWholeBuildingHasEveryHour() throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/api/v1/consumption?building=" + building
                + "&resource=COLD_WATER&from=2026-11-01&to=2026-12-01&resolution=HOUR&readings=false");
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode hours = json.readTree(r.body()).get("totals").get(1).get("intervals");
        assertThat(hours).hasSize(720);
        assertThat(hours.get(100).get("value").asString()).isEqualTo("7.500");

        // the same with the readings behind each of 43 200 figures would be tens of megabytes
        HttpResponse<String> withReadings = http.send(HttpRequest.newBuilder(URI.create(uri.toString()
                .replace("2026-12-01", "2027-01-01").replace("readings=false", "readings=true")))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withReadings.statusCode()).isEqualTo(400);
        assertThat(withReadings.body()).contains("readings=false");
    }
}
