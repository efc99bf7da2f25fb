package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The demo's faults ({@link DemoFaults}) as the server's API shows them right after the start, as an alarm rule would
 * find them: a leak in every hour, a meter reporting air in its flow sensor, a meter silent for three days, a month
 * whose house heat meter exceeds the apartments by far, meters due for verification. A building of four apartments
 * with two days of hourly history, on a context of its own.
 */
@DemoServerTest
@DirtiesContext
@TestPropertySource(properties = {"openamr.test.context=demo-faults", "openamr.demo.enabled=true",
        "openamr.demo.radio-meters=0", "openamr.demo.entrances=1", "openamr.demo.apartments-per-entrance=4",
        "openamr.demo.history-months=2", "openamr.demo.hourly-days=2", "openamr.polling.enabled=false"})
class DemoFaultsIT {

    @Autowired
    DemoStartup startup;

    @Autowired
    DemoBus bus;

    @Autowired
    DemoBuilding building;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlarmEvaluator evaluator;

    @LocalServerPort
    int port;

    private Api as(Role role) {
        return new Api(port, startup.site().logins().stream().filter(l -> l.role() == role).findFirst().orElseThrow()
                .token());
    }

    private DemoFaults faults() {
        return bus.faults().orElseThrow();
    }

    private String building() {
        return startup.site().buildingPublicId().toString();
    }

    /** The registry's id of the meter with this serial. */
    private String meter(String serial) {
        for (JsonNode m : as(Role.ADMIN).get("/api/v1/meters?building=" + building() + "&size=1000").json()
                .get("items")) {
            if (m.get("serial").asString().equals(serial)) {
                return m.get("id").asString();
            }
        }
        throw new AssertionError("no meter " + serial);
    }

    /** Per premise number, the hourly figures of the building's points of a resource, as the consumption API has them. */
    private List<JsonNode> hourly(String resource, Instant from, Instant to) {
        Api.Response r = as(Role.MANAGER).get("/api/v1/consumption?building=" + building() + "&resource=" + resource
                + "&resolution=HOUR&readings=false&from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> points = new ArrayList<>();
        r.json().get("points").forEach(p -> {
            if (p.hasNonNull("premise")) {
                points.add(p);
            }
        });
        return points;
    }

    @Test
    void oneApartmentsColdWaterFlowsInEveryHourAndNoOtherWaterDoes() {
        // the last hour the backfill wrote: the hours before it all have readings at both ends
        Instant to = startup.history().to();
        assertThat(to).isEqualTo(to.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        String leaking = Integer.toString(faults().leaking().number());
        int normal = 0;
        for (String resource : List.of("COLD_WATER", "HOT_WATER")) {
            for (JsonNode point : hourly(resource, to.minus(Duration.ofHours(30)), to)) {
                String flat = point.get("premise").get("number").asString();
                List<BigDecimal> hours = new ArrayList<>();
                for (JsonNode i : point.get("intervals")) {
                    assertThat(i.get("status").asString()).as("%s %s %s", resource, flat, i).isEqualTo("COMPLETE");
                    hours.add(new BigDecimal(i.get("value").asString()));
                }
                assertThat(hours).hasSize(30);
                if (resource.equals("COLD_WATER") && flat.equals(leaking)) {
                    assertThat(hours).as("the leak, every hour of the last 30").allMatch(v -> v.signum() > 0);
                } else {
                    assertThat(hours.subList(6, 30)).as("%s of apartment %s: a night's idle hour in the last 24",
                            resource, flat).anyMatch(v -> v.signum() == 0);
                    normal++;
                }
            }
        }
        assertThat(normal).as("the other three apartments' cold and hot water, the leaking one's hot").isEqualTo(7);
    }

    @Test
    void theMeterInErrorReportsAirInItsFlowSensorSinceTheMomentItFirstShowedIt() {
        Api.Response events = as(Role.OPERATOR).get("/api/v1/events?meter=" + meter(faults().inError().meterId()));
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : events.json().get("items")) {
            seen.add(e.get("kind").asString() + " " + e.get("code").asString());
            Instant at = Instant.parse(e.get("occurredAt").asString());
            // hourly history: the first hour at which the SonoSafe's module (copying every 10 minutes) shows it
            assertThat(at).isBetween(faults().errorSince(), faults().errorSince().plus(Duration.ofHours(1)));
        }
        assertThat(seen).containsExactlyInAnyOrder("RAISED NO_FLOW_SIGNAL", "RAISED STATUS_TEMPORARY_ERROR");
    }

    @Test
    void theSilentMetersNewestReadingIsThreeDaysOldAndALivePollDoesNotReachIt() throws Exception {
        String silent = meter(faults().silent().meterId());
        Api operator = as(Role.OPERATOR);
        Instant newestBefore = newestReading(operator, silent);
        assertThat(newestBefore).isBefore(faults().silentSince());
        assertThat(Duration.between(newestBefore, Instant.now())).isGreaterThanOrEqualTo(Duration.ofHours(48));

        String channel = jdbc.sql("select public_id::text from acquisition_channel where id = ?")
                .param(startup.site().channelId()).query(String.class).single();
        Api.Response started = operator.post("/api/v1/channels/" + channel + "/poll", null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asString();
        JsonNode done = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
            done = operator.get("/api/v1/jobs/" + job).json();
            if (!done.get("status").asString().matches("QUEUED|RUNNING")) {
                break;
            }
        }
        assertThat(done.get("status").asString()).as("%s", done).isEqualTo("DONE");
        JsonNode run = operator.get("/api/v1/channels/" + channel + "/runs/" + done.get("result").get("id").asString())
                .json();
        assertThat(run.get("status").asString()).isEqualTo("PARTIAL");
        assertThat(run.get("metersRead").asInt()).isEqualTo(building.meterCount() - 1);
        for (JsonNode outcome : run.get("meters")) {
            boolean isSilent = outcome.get("serial").asString().equals(faults().silent().meterId());
            assertThat(outcome.get("ok").asBoolean()).as("%s", outcome).isEqualTo(!isSilent);
            assertThat(outcome.get("silent").asBoolean()).as("%s", outcome).isEqualTo(isSilent);
        }
        assertThat(newestReading(operator, silent)).isEqualTo(newestBefore);
        // the meter in error still reports it: nothing cleared by the live readout
        JsonNode events = operator.get("/api/v1/events?meter=" + meter(faults().inError().meterId())).json();
        for (JsonNode e : events.get("items")) {
            assertThat(e.get("kind").asString()).as("%s", e).isEqualTo("RAISED");
        }
    }

    /** The newest value stored for a meter, from the readings API (newest first) over the last month. */
    private static Instant newestReading(Api api, String meter) {
        Api.Response r = api.get("/api/v1/meters/" + meter + "/readings?size=1");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Instant.parse(r.json().get("items").get(0).get("measuredAt").asString());
    }

    @Test
    void lastMonthsHouseHeatExceedsTheApartmentsByMoreThanFifteenPercentAndTheMonthBeforeDoesNot() {
        YearMonth month = YearMonth.now(DemoBuilding.ZONE);
        assertThat(faults().lossesFrom()).isEqualTo(month.minusMonths(1));
        Api.Response r = as(Role.MANAGER).get("/api/v1/buildings/" + building() + "/balance?resource=HEAT"
                + "&resolution=MONTH&from=" + month.minusMonths(2) + "&to=" + month);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode rows = r.json().get("intervals");
        assertThat(rows).hasSize(2);
        List<BigDecimal> shares = new ArrayList<>();
        for (JsonNode row : rows) {
            assertThat(row.get("house").get("status").asString()).as("%s", row).isEqualTo("COMPLETE");
            assertThat(row.get("premises").get("status").asString()).as("%s", row).isEqualTo("COMPLETE");
            // the imbalance rule's measure: the difference as a share of the house meter's figure
            shares.add(new BigDecimal(row.get("difference").asString())
                    .divide(new BigDecimal(row.get("house").get("value").asString()), MathContext.DECIMAL64));
        }
        assertThat(shares.get(0)).as("the month before: ordinary losses").isBetween(new BigDecimal("0.03"),
                new BigDecimal("0.10"));
        assertThat(shares.get(1)).as("last month").isBetween(new BigDecimal("0.17"), new BigDecimal("0.23"));
    }

    @Test
    void oneMeterIsOverdueForVerificationAndSomeAreDueWithinThirtyDays() {
        LocalDate today = LocalDate.now(DemoBuilding.ZONE);
        int overdue = 0;
        int dueSoon = 0;
        int meters = 0;
        for (JsonNode m : as(Role.MANAGER).get("/api/v1/meters?building=" + building() + "&size=1000").json()
                .get("items")) {
            LocalDate next = LocalDate.parse(m.get("nextVerification").asString());
            assertThat(LocalDate.parse(m.get("verifiedOn").asString())).isBefore(today)
                    .isEqualTo(next.minus(DemoFaults.VERIFICATION_INTERVAL));
            if (next.isBefore(today)) {
                overdue++;
            } else if (!next.isAfter(today.plusDays(30))) {
                dueSoon++;
            } else {
                assertThat(next).as("%s", m).isAfter(today.plusYears(1));
            }
            meters++;
        }
        assertThat(meters).isEqualTo(building.meterCount());
        assertThat(overdue).isEqualTo(1);
        assertThat(dueSoon).isEqualTo(3);
    }

    /**
     * The server's own alarm rules over the demo's data: each fault is one open alarm of its kind at its object, and
     * nothing of the kinds the faults must not cause (registers running backwards or jumping) is raised.
     */
    @Test
    void theAlarmRulesFindEachFaultAndNothingItMustNotCause() throws InterruptedException {
        // the scheduler may be evaluating at the moment: then this waits its turn
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!evaluator.evaluate(Instant.now()).ran()) {
            assertThat(System.nanoTime()).as("an evaluation within a minute").isLessThan(deadline);
            Thread.sleep(200);
        }
        Api.Response r = as(Role.MANAGER).get("/api/v1/alarms?building=" + building() + "&size=1000");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        java.util.Map<String, List<JsonNode>> open = new java.util.TreeMap<>();
        r.json().get("items").forEach(a -> open.computeIfAbsent(a.get("rule").asString(), k -> new ArrayList<>()).add(a));
        assertThat(open.get("LEAK")).as("%s", open).singleElement().satisfies(a -> {
            assertThat(a.get("premiseNumber").asString()).isEqualTo(Integer.toString(faults().leaking().number()));
            assertThat(a.get("object").get("kind").asString()).isEqualTo("POINT");
        });
        assertThat(open.get("METER_ERROR")).as("%s", open).extracting(a -> a.get("objectLabel").asString())
                .anyMatch(l -> l.contains(faults().inError().meterId()))
                // the house heat meter has its monthly hours of air in the pipe, which may be now
                .allMatch(l -> l.contains(faults().inError().meterId()) || l.contains(building.houseHeat().meterId()));
        assertThat(open.get("NO_READINGS")).as("%s", open).singleElement()
                .satisfies(a -> assertThat(a.get("objectLabel").asString()).contains(faults().silent().meterId()));
        assertThat(open.get("IMBALANCE")).as("%s", open).singleElement()
                .satisfies(a -> assertThat(a.get("object").get("kind").asString()).isEqualTo("BUILDING"));
        assertThat(open.get("VERIFICATION_DUE")).as("one overdue, three due within 30 days").hasSize(4);
        assertThat(open).doesNotContainKeys("REGISTER_DECREASE", "IMPLAUSIBLE_JUMP");
    }

    @Test
    void everyApartmentIsOccupied() {
        assertThat(jdbc.sql("select occupied from premise where building_id = ?").param(startup.site().buildingId())
                .query(Boolean.class).list()).hasSize(4).containsOnly(true);
    }
}
