package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.simulator.radio.RadioMeter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's radio building (issue 14, part 5): its collector hears the simulated radio meters in security mode 5
 * and pushes to the demo server, so the registered meters' readings arrive on the building's points, the meters
 * heard but never registered show under unassigned meters, and the collector shows on its channel. A small fleet
 * sending every 2 s, so that each meter is heard within seconds.
 */
@DemoServerTest
@DirtiesContext
@TestPropertySource(properties = {"openamr.test.context=demo-radio", "openamr.demo.enabled=true",
        "openamr.demo.entrances=1", "openamr.demo.apartments-per-entrance=2", "openamr.demo.history-months=1",
        "openamr.demo.hourly-days=1", "openamr.demo.radio-meters=16", "openamr.demo.radio-interval=2s",
        "openamr.polling.enabled=false"})
// the last test revokes the token the running collector pushes with
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoRadioIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoStartup startup;

    @Autowired
    DemoRegistry registry;

    @LocalServerPort
    int port;

    private String token(Role role) {
        return startup.site().logins().stream().filter(l -> l.role() == role).findFirst().orElseThrow().token();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for %s", PATIENCE, what).isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** Serials of the meters with a pushed reading: in this context only the collector pushes. */
    private Set<String> pushed() {
        return Set.copyOf(jdbc.sql("""
                select distinct m.serial from reading r join register g on g.id = r.register_id
                join meter m on m.id = g.meter_id where r.source = 'PUSH'""").query(String.class).list());
    }

    @Test
    @Order(1)
    void theCollectorBringsEveryRadioMeterHeardToTheServer() throws Exception {
        DemoRadioBuilding radio = startup.radio();
        DemoRegistry.RadioSite site = startup.radioSite();
        assertThat(site.created()).isTrue();
        assertThat(radio.apartments()).isNotEmpty();
        assertThat(radio.unassigned()).isNotEmpty();
        Set<String> registered = radio.registered().stream().map(RadioMeter::id).collect(Collectors.toSet());
        Set<String> heard = radio.meters().stream().map(RadioMeter::id).collect(Collectors.toSet());
        await("a pushed reading of every radio meter", () -> pushed().containsAll(heard));

        // the registered ones on the radio building's points, through the collector's channel
        List<Map<String, Object>> points = jdbc.sql("""
                select m.serial, p.resource, m.channel_id from metering_point p
                join meter_installation i on i.point_id = p.id and i.removed_at is null
                join meter m on m.id = i.meter_id where p.building_id = ?""").param(site.buildingId())
                .query().listOfRows();
        assertThat(points).hasSize(radio.apartments().stream().mapToInt(a -> a.placements().size()).sum());
        assertThat(points).allSatisfy(p -> assertThat(p.get("channel_id")).isEqualTo(site.channelId()));
        assertThat(points.stream().map(p -> (String) p.get("serial")).collect(Collectors.toSet()))
                .isEqualTo(registered);

        // the others under unassigned meters, as the manager's API lists them
        Api manager = new Api(port, token(Role.MANAGER));
        Api.Response unassigned = manager.get("/api/v1/meters?unassigned=true&size=500");
        assertThat(unassigned.status()).as(unassigned.body()).isEqualTo(200);
        Set<String> listed = new HashSet<>();
        for (JsonNode m : unassigned.json().get("items")) {
            listed.add(m.get("serial").asString());
        }
        assertThat(listed).containsAll(radio.unassigned().stream().map(RadioMeter::id).toList())
                .doesNotContainAnyElementsOf(registered);

        // the collector on its channel: last contact, the queue it reported, its version
        Map<String, Object> collector = jdbc.sql("select * from ingest_collector where channel_id = ?")
                .param(site.channelId()).query().singleRow();
        assertThat(collector.get("collector")).isEqualTo(DemoCollector.ID);
        assertThat(((Timestamp) collector.get("last_contact_at")).toInstant())
                .isAfter(Instant.now().minus(PATIENCE));
        assertThat(collector.get("version")).isNotNull();

        // the building's history was backfilled on the same channel: last month has a figure for each heat point
        assertThat(startup.radioHistory().inserted()).isPositive();
        assertThat(startup.banner()).contains(DemoRadioBuilding.ADDRESS, startup.collector().webUrl(),
                DemoCollector.WEB_PASSWORD, startup.collector().configFile().toString());
    }

    @Test
    @Order(2)
    void theCollectorsPageAnswersWithItsAccount() throws Exception {
        String url = startup.collector().webUrl();
        assertThat(url).startsWith("http://127.0.0.1:");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> denied = http.send(HttpRequest.newBuilder(URI.create(url + "status.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
        String basic = Base64.getEncoder().encodeToString((DemoCollector.WEB_USER + ":" + DemoCollector.WEB_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url + "status.json"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains(DemoCollector.ID);
    }

    @Test
    @Order(3)
    void aSecondStartFindsTheRadioBuildingAndRevokesTheOldToken() {
        DemoRegistry.RadioSite first = startup.radioSite();
        DemoRegistry.RadioSite again = registry.seedRadio(startup.radio(), startup.site());
        assertThat(again.created()).isFalse();
        assertThat(again.buildingId()).isEqualTo(first.buildingId());
        assertThat(again.channelId()).isEqualTo(first.channelId());
        assertThat(again.token()).isNotEqualTo(first.token());
        assertThat(jdbc.sql("select count(*) from building where address = ?").param(DemoRadioBuilding.ADDRESS)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from premise where building_id = ?").param(first.buildingId())
                .query(Long.class).single()).isEqualTo(startup.radio().apartments().size());
    }
}
