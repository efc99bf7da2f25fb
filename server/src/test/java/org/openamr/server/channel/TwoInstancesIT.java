package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.support.ServerTest;
import org.openamr.simulator.bus.MeterInfo;
import org.openamr.simulator.serve.Pacing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two server instances on one database, as behind a load balancer: the test's server ("first") and
 * a second one started on the same database ("second"). Whatever both are asked, a channel's runs
 * never overlap in time.
 */
@ServerTest
@TestPropertySource(properties = {"openamr.polling.tick=200ms", "openamr.polling.instance=first"})
class TwoInstancesIT {

    private static final String EVERY_TWO_SECONDS = "*/2 * * * * *";

    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    /** The first instance, the test's own server. */
    @Autowired
    ApplicationContext context;

    Fixture f;
    int secondPort;

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(OpenAmrServer.class).properties(
                    "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                    "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                    "spring.datasource.password=",
                    "openamr.data-dir=target/openamr-test-home",
                    "server.port=0",
                    "openamr.polling.tick=200ms",
                    "openamr.polling.instance=second").run();
        }
        secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        f = Fixture.create(jdbc);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private record Run(String instance, Instant startedAt, Instant finishedAt, String trigger) {
    }

    private record Job(String instance, Instant createdAt, Instant startedAt, String status) {
    }

    @Test
    void readNowOnBothInstancesAtOnceRunsOneAfterTheOther() throws Exception {
        // paced at 38400 baud: a poll of four meters takes long enough for the requests to meet
        try (BusFixture bus = BusFixture.start(21, 4, Pacing.atBaud(BusFixture.BAUD))) {
            Api first = new Api(port, f.operator());
            Api other = new Api(secondPort, f.operator());
            String channel = first.post("/api/v1/channels", Map.of("kind", "TCP_GATEWAY", "name", "Шлюз",
                    "buildingId", f.building1Id().toString(), "address", bus.address(), "baud", BusFixture.BAUD))
                    .text("id");
            long channelId = jdbc.sql("select id from acquisition_channel where public_id = ?")
                    .param(UUID.fromString(channel)).query(Long.class).single();
            for (MeterInfo m : bus.meters()) {
                BusFixture.register(jdbc, channelId, m, true);
            }

            int perInstance = 3;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService clients = Executors.newFixedThreadPool(2 * perInstance);
            List<Future<String>> requests = new ArrayList<>();
            try {
                for (int i = 0; i < 2 * perInstance; i++) {
                    Api api = i % 2 == 0 ? first : other;
                    requests.add(clients.submit(() -> {
                        go.await();
                        Api.Response r = api.post("/api/v1/channels/" + channel + "/poll", null);
                        assertThat(r.status()).as("%s", r.body()).isEqualTo(202);
                        return r.text("id");
                    }));
                }
                go.countDown();
                for (Future<String> r : requests) {
                    JsonNode job = first.awaitJob(r.get(), Duration.ofSeconds(60));
                    assertThat(job.get("status").asString()).as("%s", job).isEqualTo("DONE");
                    assertThat(job.get("result").get("metersRead").asInt()).isEqualTo(4);
                }
            } finally {
                clients.shutdownNow();
            }

            List<Run> runs = runs(channelId);
            assertThat(runs).hasSize(2 * perInstance);
            assertThat(runs).extracting(Run::instance).as("both instances polled")
                    .containsOnly("first", "second").contains("first", "second");
            assertNeverOverlap(runs);

            // the requests really met: some job of one instance waited while the other instance polled
            List<Job> jobs = jdbc.sql(
                            "select instance, created_at, started_at, status from channel_job where channel_id = ?")
                    .param(channelId)
                    .query((rs, n) -> new Job(rs.getString(1), rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3).toInstant(), rs.getString(4)))
                    .list();
            assertThat(jobs).hasSize(2 * perInstance);
            boolean waitedForTheOther = jobs.stream().anyMatch(j -> runs.stream().anyMatch(r ->
                    !r.instance().equals(j.instance()) && r.finishedAt().isAfter(j.createdAt())
                            && !r.finishedAt().isAfter(j.startedAt())));
            assertThat(waitedForTheOther).as("a job waited for a run of the other instance: %s %s", jobs, runs)
                    .isTrue();
        }
    }

    @Test
    void schedulesTickingOnBothInstancesRunEachSlotOnce() throws Exception {
        try (BusFixture bus = BusFixture.start(22, 2)) {
            Api first = new Api(port, f.operator());
            String channel = first.post("/api/v1/channels", Map.of("kind", "TCP_GATEWAY", "name", "Шлюз по расписанию",
                    "buildingId", f.building1Id().toString(), "address", bus.address(), "baud", BusFixture.BAUD))
                    .text("id");
            long channelId = jdbc.sql("select id from acquisition_channel where public_id = ?")
                    .param(UUID.fromString(channel)).query(Long.class).single();
            for (MeterInfo m : bus.meters()) {
                BusFixture.register(jdbc, channelId, m, true);
            }
            // faster than the API allows (ScheduleLimits), so that the test sees several slots in seconds
            Instant since = jdbc.sql("""
                    update acquisition_channel set schedule_cron = ?, schedule_since = now() where id = ?
                    returning schedule_since""").params(EVERY_TWO_SECONDS, channelId).query(Timestamp.class).single()
                    .toInstant();
            // both instances tick every 200 ms; the test waits for the slots to be run, however long it takes
            Await.until("three slots run", () -> runs(channelId).size() >= 3);
            Map<String, Object> off = new HashMap<>();
            off.put("scheduleCron", null);
            assertThat(first.patch("/api/v1/channels/" + channel, off).status()).isEqualTo(200);
            Instant until = jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
            // a poll either instance's tick started before the schedule went off ends; none starts after
            Await.until("both instances done with the channel's scheduled polls", () ->
                    !schedulerOf(context).inFlight(channelId) && !schedulerOf(second).inFlight(channelId));
            awaitNoRunning(channelId);

            List<Run> runs = runs(channelId);
            assertThat(runs).as("one run per two-second slot while the schedule was on")
                    .hasSizeBetween(2, slotsBetween(since, until));
            assertThat(runs).extracting(Run::trigger).containsOnly("SCHEDULE");
            assertNeverOverlap(runs);
            // a slot run twice (once by each instance) would start the second run before the slot after the
            // first run's start: each run starts in a later slot than the one before, whatever the load
            CronExpression cron = CronExpression.parse(EVERY_TWO_SECONDS);
            for (int i = 1; i < runs.size(); i++) {
                Instant nextSlot = cron.next(runs.get(i - 1).startedAt().atZone(ZoneOffset.UTC)).toInstant();
                assertThat(runs.get(i).startedAt()).as("between runs %s and %s", runs.get(i - 1), runs.get(i))
                        .isAfterOrEqualTo(nextSlot);
            }
            Set<String> slots = new HashSet<>();
            runs.forEach(r -> slots.add(String.valueOf(r.startedAt().getEpochSecond() / 2)));
            assertThat(slots).hasSameSizeAs(runs);
        }
    }

    private List<Run> runs(long channelId) {
        return jdbc.sql("""
                select instance, started_at, finished_at, trigger from poll_run where channel_id = ?
                order by started_at""")
                .param(channelId)
                .query((rs, n) -> new Run(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        instant(rs.getTimestamp(3)), rs.getString(4)))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void assertNeverOverlap(List<Run> runs) {
        assertThat(runs).allSatisfy(r -> assertThat(r.finishedAt()).as("finished").isNotNull());
        for (int i = 1; i < runs.size(); i++) {
            Run before = runs.get(i - 1);
            Run after = runs.get(i);
            assertThat(before.finishedAt()).as("%s ends before %s starts", before, after)
                    .isBeforeOrEqualTo(after.startedAt());
        }
    }

    private void awaitNoRunning(long channelId) throws InterruptedException {
        Await.until("done with the channel's runs", () -> jdbc.sql(
                        "select count(*) from poll_run where channel_id = ? and status = 'RUNNING'")
                .param(channelId).query(Long.class).single() == 0);
    }

    /** Slots of {@link #EVERY_TWO_SECONDS} after {@code since} up to {@code until}: the most runs it may make. */
    private static int slotsBetween(Instant since, Instant until) {
        CronExpression cron = CronExpression.parse(EVERY_TWO_SECONDS);
        int n = 0;
        for (ZonedDateTime t = cron.next(since.atZone(ZoneOffset.UTC)); !t.toInstant().isAfter(until); t = cron.next(t)) {
            n++;
        }
        return n;
    }

    private static PollScheduler schedulerOf(ApplicationContext instance) {
        return instance.getBean(PollScheduler.class);
    }
}
