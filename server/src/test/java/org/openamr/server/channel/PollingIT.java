package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Polling and searching through the API against virtual buses served over TCP: what is stored must
 * be exactly what the simulated meters sent.
 */
@ServerTest
@TestPropertySource(properties = "openamr.polling.tick=200ms")
class PollingIT {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PollScheduler scheduler;

    Fixture f;
    Api operator;

    @BeforeEach
    void users() {
        f = Fixture.create(jdbc);
        operator = new Api(port, f.operator());
    }

    private String channel(BusFixture bus) {
        return channel(bus.address());
    }

    private String channel(String address) {
        Map<String, Object> body = Map.of("kind", "TCP_GATEWAY", "name", "Шлюз " + address,
                "buildingId", f.building1Id().toString(), "address", address, "baud", BusFixture.BAUD);
        Api.Response r = operator.post("/api/v1/channels", body);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
        return r.text("id");
    }

    private long internalId(String channel) {
        return jdbc.sql("select id from acquisition_channel where public_id = ?").param(UUID.fromString(channel))
                .query(Long.class).single();
    }

    private JsonNode run(Api as, String channel, String action) throws InterruptedException {
        Api.Response r = as.post("/api/v1/channels/" + channel + "/" + action, null);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(202);
        String job = r.text("id");
        assertThat(r.location()).isEqualTo("/api/v1/jobs/" + job);
        assertThat(r.text("status")).isIn("QUEUED", "RUNNING", "DONE", "FAILED");
        return as.awaitJob(job, JOB_TIMEOUT);
    }

    private JsonNode runDetail(String channel, JsonNode job) {
        String run = job.get("result").get("id").asString();
        Api.Response r = operator.get("/api/v1/channels/" + channel + "/runs/" + run);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private Map<String, JsonNode> outcomesBySerial(JsonNode run) {
        Map<String, JsonNode> m = new HashMap<>();
        run.get("meters").forEach(o -> m.put(o.get("serial").asString(), o));
        return m;
    }

    @Test
    void readNowStoresExactlyWhatTheMetersSend() throws Exception {
        try (BusFixture bus = BusFixture.start(11, 4)) {
            String channel = channel(bus);
            long channelId = internalId(channel);
            List<MeterInfo> meters = bus.meters();
            Map<SecondaryAddress, Long> ids = new HashMap<>();
            for (int i = 0; i < meters.size(); i++) {
                ids.put(meters.get(i).secondaryAddress(), BusFixture.register(jdbc, channelId, meters.get(i), i < 2));
            }

            JsonNode job = run(operator, channel, "poll");

            assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
            assertThat(job.get("kind").asString()).isEqualTo("POLL");
            assertThat(job.get("requestedBy").asString()).startsWith("user:operator");
            assertThat(job.get("progress").get("done").asInt()).isEqualTo(4);
            assertThat(job.get("progress").get("total").asInt()).isEqualTo(4);
            JsonNode result = job.get("result");
            assertThat(result.get("status").asString()).isEqualTo("OK");
            assertThat(result.get("trigger").asString()).isEqualTo("MANUAL");
            assertThat(result.get("metersRead").asInt()).isEqualTo(4);
            assertThat(result.get("metersFailed").asInt()).isZero();
            assertThat(result.get("metersCreated").asInt()).isZero();
            assertThat(result.get("readingsInserted").asInt()).isPositive();
            for (MeterInfo m : meters) {
                BusFixture.assertStoredEqualsTruth(jdbc, ids.get(m.secondaryAddress()),
                        bus.bus.truth().reading(m.secondaryAddress()));
            }

            Map<String, JsonNode> outcomes = outcomesBySerial(runDetail(channel, job));
            assertThat(outcomes).hasSize(4);
            for (int i = 0; i < meters.size(); i++) {
                JsonNode o = outcomes.get(meters.get(i).secondaryAddress().id());
                assertThat(o.get("ok").asBoolean()).isTrue();
                assertThat(o.get("valuesRead").asInt()).isPositive();
                assertThat(o.get("addressedBy").asString()).isEqualTo(i < 2
                        ? "primary address " + meters.get(i).primaryAddress()
                        : "secondary address " + meters.get(i).secondaryAddress());
            }
            assertThat(operator.get("/api/v1/channels/" + channel).json().get("lastPoll").get("status").asString())
                    .isEqualTo("OK");
            assertThat(jdbc.sql("select actor from audit_log where entity = 'reading' order by id desc limit 1")
                    .query(String.class).single()).startsWith("user:operator");

            // the job is seen by whoever sees the channel
            String jobPath = "/api/v1/jobs/" + job.get("id").asString();
            assertThat(new Api(port, f.manager()).get(jobPath).status()).isEqualTo(200);
            assertThat(new Api(port, f.resident()).get(jobPath).status()).isEqualTo(404);
            assertThat(new Api(port, f.otherOperator()).get(jobPath).status()).isEqualTo(404);
            assertThat(operator.get("/api/v1/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
        }
    }

    @Test
    void aMeterGoneFromTheBusIsRecordedAsFailedAndTheOthersAreStillRead() throws Exception {
        try (BusFixture bus = BusFixture.start(12, 4)) {
            String channel = channel(bus);
            long channelId = internalId(channel);
            List<MeterInfo> meters = bus.meters();
            Map<SecondaryAddress, Long> ids = new HashMap<>();
            for (int i = 0; i < meters.size(); i++) {
                MeterInfo m = meters.get(i);
                ids.put(m.secondaryAddress(), BusFixture.register(jdbc, channelId, m, i % 2 == 0));
            }
            // one read by primary, one by secondary address leave the bus
            MeterInfo goneByPrimary = meters.get(0);
            MeterInfo goneBySecondary = meters.get(1);
            VirtualMeter removed = bus.bus.truth().meter(goneByPrimary.secondaryAddress());
            assertThat(bus.bus.remove(goneByPrimary.secondaryAddress())).isTrue();
            assertThat(bus.bus.remove(goneBySecondary.secondaryAddress())).isTrue();

            JsonNode job = run(operator, channel, "poll");

            assertThat(job.get("status").asString()).as("some meters were read: the job is done").isEqualTo("DONE");
            JsonNode result = job.get("result");
            assertThat(result.get("status").asString()).isEqualTo("PARTIAL");
            assertThat(result.get("metersRead").asInt()).isEqualTo(2);
            assertThat(result.get("metersFailed").asInt()).isEqualTo(2);
            assertThat(result.get("metersSilent").asInt()).as("both gone meters simply did not answer").isEqualTo(2);
            assertThat(result.get("message").asString()).isEqualTo("2 of 4 meter(s) not read");
            // the pages' texts (kinds with arguments) stay out of the API: its answers are as they were
            assertThat(List.of(job.has("messageText"), job.has("errorText"), result.has("messageText")))
                    .containsOnly(false);
            Map<String, JsonNode> outcomes = outcomesBySerial(runDetail(channel, job));
            for (MeterInfo gone : List.of(goneByPrimary, goneBySecondary)) {
                JsonNode o = outcomes.get(gone.secondaryAddress().id());
                assertThat(o.get("ok").asBoolean()).isFalse();
                assertThat(o.get("silent").asBoolean()).isTrue();
                assertThat(o.get("valuesRead").asInt()).isZero();
                assertThat(o.get("error").asString()).as("the master's own sentence, naming channel and meter")
                        .startsWith(jdbc.sql("select address from acquisition_channel where id = ?").param(channelId)
                                .query(String.class).single() + ", " + o.get("addressedBy").asString() + ": ");
                assertThat(o.has("errorText")).isFalse();
                assertThat(jdbc.sql("select count(*) from reading x join register g on g.id = x.register_id "
                        + "where g.meter_id = ?").param(ids.get(gone.secondaryAddress())).query(Long.class).single())
                        .isZero();
            }
            for (MeterInfo m : meters.subList(2, 4)) {
                assertThat(outcomes.get(m.secondaryAddress().id()).get("ok").asBoolean()).isTrue();
                assertThat(outcomes.get(m.secondaryAddress().id()).get("silent").asBoolean()).isFalse();
                BusFixture.assertStoredEqualsTruth(jdbc, ids.get(m.secondaryAddress()),
                        bus.bus.truth().reading(m.secondaryAddress()));
            }

            // back on the bus, it is read again
            bus.bus.add(removed);
            JsonNode again = run(operator, channel, "poll");
            assertThat(again.get("result").get("metersRead").asInt()).isEqualTo(3);
            BusFixture.assertStoredEqualsTruth(jdbc, ids.get(goneByPrimary.secondaryAddress()),
                    bus.bus.truth().reading(goneByPrimary.secondaryAddress()));
        }
    }

    @Test
    void aSecondarySearchFindsEveryMeterAndRegistersTheUnknownOnesAsUnassigned() throws Exception {
        try (BusFixture bus = BusFixture.start(13, 4)) {
            String channel = channel(bus);
            long channelId = internalId(channel);
            List<MeterInfo> meters = bus.meters();
            // one meter is known already, installed at a point, but on no channel yet
            SecondaryAddress known = meters.get(0).secondaryAddress();
            long knownId = BusFixture.register(jdbc, channelId, meters.get(0), false);
            jdbc.sql("update meter set channel_id = null, mbus_version = null, mbus_medium = null where id = ?")
                    .param(knownId).update();
            long point = jdbc.sql("insert into metering_point (building_id, resource) values (?, 'HEAT') returning id")
                    .param(f.building1()).query(Long.class).single();
            jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, '2025-01-01')")
                    .params(knownId, point).update();

            JsonNode job = run(operator, channel, "search");

            assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
            assertThat(job.get("kind").asString()).isEqualTo("SEARCH");
            assertThat(job.get("mode").asString()).isEqualTo("SECONDARY");
            assertThat(job.get("parameters").asString()).isEqualTo("mask=FFFFFFFFFFFFFFFF");
            assertThat(job.get("progress").get("found").asInt()).isEqualTo(4);
            assertThat(job.get("progress").get("fraction").decimalValue()).isEqualByComparingTo("1");
            JsonNode result = job.get("result");
            assertThat(result.get("status").asString()).isEqualTo("OK");
            assertThat(result.get("metersFound").asInt()).isEqualTo(4);
            assertThat(result.get("metersCreated").asInt()).isEqualTo(3);

            for (MeterInfo m : meters) {
                SecondaryAddress a = m.secondaryAddress();
                Map<String, Object> row = jdbc.sql("""
                        select id, manufacturer, mbus_version, mbus_medium, channel_id,
                               exists (select 1 from unassigned_meter u where u.id = meter.id) as unassigned
                        from meter where serial = ?""").param(a.id()).query().singleRow();
                assertThat(row.get("manufacturer")).isEqualTo(a.manufacturerLetters());
                assertThat(row.get("mbus_version")).isEqualTo(a.version());
                assertThat(row.get("mbus_medium")).isEqualTo(a.medium());
                assertThat(row.get("channel_id")).as("found on this bus").isEqualTo(channelId);
                assertThat(row.get("unassigned")).isEqualTo(!a.equals(known));
                BusFixture.assertStoredEqualsTruth(jdbc, (Long) row.get("id"), bus.bus.truth().reading(a));
            }
            assertThat(jdbc.sql("select id from meter where serial = ?").param(known.id()).query(Long.class).single())
                    .as("the known meter is completed, not registered twice").isEqualTo(knownId);

            // what the search registered is enough to poll
            JsonNode poll = run(operator, channel, "poll");
            assertThat(poll.get("result").get("status").asString()).isEqualTo("OK");
            assertThat(poll.get("result").get("metersRead").asInt()).isEqualTo(4);
        }
    }

    @Test
    void aPrimaryScanRecordsWhereEachMeterAnswers() throws Exception {
        try (BusFixture bus = BusFixture.start(14, 3)) {
            String channel = channel(bus);
            long channelId = internalId(channel);
            // a stale entry: the registry believes another meter sits at primary address 2
            jdbc.sql("insert into meter (serial, manufacturer, bus_address, channel_id) "
                    + "values ('00000002', 'ZRI', 2, ?)")
                    .param(channelId).update();

            JsonNode job = run(operator, channel, "search?mode=primary&from=1&to=5");

            assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
            assertThat(job.get("parameters").asString()).isEqualTo("from=1&to=5");
            assertThat(job.get("result").get("metersFound").asInt()).isEqualTo(3);
            for (MeterInfo m : bus.meters()) {
                assertThat(jdbc.sql("select bus_address from meter where serial = ?").param(m.secondaryAddress().id())
                        .query(Integer.class).single()).isEqualTo(m.primaryAddress());
            }
            assertThat(jdbc.sql("select bus_address from meter where serial = '00000002'").query(Integer.class)
                    .optional()).as("no longer believed at the address another meter answered").isEmpty();

            assertThat(operator.post("/api/v1/channels/" + channel + "/search?mode=tertiary", null).detail())
                    .isEqualTo("mode 'tertiary' is not a search mode: secondary or primary");
            assertThat(operator.post("/api/v1/channels/" + channel + "/search?mode=primary&from=7&to=3", null).status())
                    .isEqualTo(400);
            assertThat(operator.post("/api/v1/channels/" + channel + "/search?mask=123", null).detail())
                    .startsWith("mask: secondary address must be 16 hex digits");
        }
    }

    @Test
    void anUnreachableGatewayFailsTheJobAndEveryMeterWithTheChannelsError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String channel = channel("tcp://127.0.0.1:" + closedPort);
        long channelId = internalId(channel);
        jdbc.sql("insert into meter (serial, manufacturer, bus_address, channel_id) values ('11111111', 'DFS', 1, ?), "
                + "('22222222', 'DFS', 2, ?)").params(channelId, channelId).update();

        JsonNode job = run(operator, channel, "poll");

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("error").asString()).contains("127.0.0.1:" + closedPort);
        assertThat(job.get("result").get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("result").get("metersSilent").asInt()).as("a broken channel is not the meters' silence")
                .isZero();
        Map<String, JsonNode> outcomes = outcomesBySerial(runDetail(channel, job));
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.values()).allSatisfy(o -> {
            assertThat(o.get("ok").asBoolean()).isFalse();
            assertThat(o.get("silent").asBoolean()).isFalse();
            assertThat(o.get("error").asString()).contains("127.0.0.1:" + closedPort);
        });
    }

    @Test
    void aDisabledChannelIsNotPolled() {
        String channel = channel("tcp://127.0.0.1:9");
        assertThat(operator.patch("/api/v1/channels/" + channel, Map.of("enabled", false)).status()).isEqualTo(200);
        Api.Response r = operator.post("/api/v1/channels/" + channel + "/poll", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.detail()).contains("disabled");
    }

    /**
     * The test fires the scheduler's tick itself (besides its timer) and waits until the channel's
     * scheduled work on this instance is over, so every check waits on what happened rather than
     * on a time that a loaded machine may not keep.
     */
    @Test
    void theScheduleRunsThePoller() throws Exception {
        try (BusFixture bus = BusFixture.start(15, 2)) {
            String channel = channel(bus);
            long channelId = internalId(channel);
            for (MeterInfo m : bus.meters()) {
                BusFixture.register(jdbc, channelId, m, true);
            }
            // faster than the API allows (ScheduleLimits), so that the test sees several slots in seconds
            jdbc.sql("update acquisition_channel set schedule_cron = ?, schedule_since = now() where id = ?")
                    .params("* * * * * *", channelId).update();
            Await.until("two runs started by the schedule", () -> {
                tickAndSettle(channelId);
                return scheduledRuns(channelId) >= 2;
            });
            Map<String, Object> off = new HashMap<>();
            off.put("scheduleCron", null);
            assertThat(operator.patch("/api/v1/channels/" + channel, off).status()).isEqualTo(200);
            assertThat(scheduledRuns(channelId)).as("runs started by the schedule").isGreaterThanOrEqualTo(2);
            // a poll the timer's tick started before the schedule went off ends; none starts after
            Await.until("done with the channel's scheduled polls", () -> !scheduler.inFlight(channelId));
            awaitNoRunning(channelId);
            List<Map<String, Object>> runs = jdbc.sql("""
                    select actor, status, meters_read, instance from poll_run
                    where channel_id = ? and trigger = 'SCHEDULE'""").param(channelId).query().listOfRows();
            assertThat(runs).allSatisfy(r -> {
                assertThat(r.get("actor")).isEqualTo("poller");
                assertThat(r.get("status")).isEqualTo("OK");
                assertThat(r.get("meters_read")).isEqualTo(2);
            });
            long after = scheduledRuns(channelId);
            // ticks until one starts more than a slot of the old schedule ("* * * * * *") later: none finds
            // the channel due
            long ticksFrom = System.nanoTime();
            long tickAt;
            do {
                tickAt = System.nanoTime();
                tickAndSettle(channelId);
            } while (tickAt - ticksFrom < Duration.ofMillis(1500).toNanos());
            assertThat(scheduledRuns(channelId)).as("no schedule, no runs").isEqualTo(after);
        }
    }

    /** One tick of the scheduler, and whatever it started for the channel run to its end. */
    private void tickAndSettle(long channelId) {
        scheduler.tick();
        try {
            Await.until("done with the channel's scheduled poll", () -> !scheduler.inFlight(channelId));
            Thread.sleep(50); // not a busy loop of ticks: the database is shared with the timer's ticks
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long scheduledRuns(long channelId) {
        return jdbc.sql("select count(*) from poll_run where channel_id = ? and trigger = 'SCHEDULE'")
                .param(channelId).query(Long.class).single();
    }

    private void awaitNoRunning(long channelId) throws InterruptedException {
        Await.until("done with the channel's runs", () -> jdbc.sql(
                        "select count(*) from poll_run where channel_id = ? and status = 'RUNNING'")
                .param(channelId).query(Long.class).single() == 0);
    }
}
