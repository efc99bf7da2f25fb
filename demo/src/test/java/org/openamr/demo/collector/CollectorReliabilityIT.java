package org.openamr.demo.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.store.Store;
import org.openamr.demo.DemoServerTest;
import org.openamr.server.ingest.IngestService;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.World;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.radio.RadioKeys;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.radio.RadioTcpServer;
import org.openamr.simulator.radio.TelegramLineFormat;
import org.openamr.simulator.radio.TelegramTruth;
import org.openamr.simulator.radio.TruthValue;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 14's reliability tests against the real server: the collector reads simulated radio meters in security
 * mode 5 (the simulator's radio served over TCP as rtl_wmbus output, with the fleet's keys file) and a virtual wired
 * bus behind a TCP gateway, and pushes to a CONCENTRATOR channel made through the API.
 * <ul>
 * <li>kill -9: a collector JVM killed with SIGKILL 20 times while collecting and pushing, restarted on the same
 * store; the server ends up with exactly the register values the store received, none twice, no batch twice;</li>
 * <li>an outage: the server unreachable behind a proxy for a while, meters sending meanwhile; afterwards every batch
 * arrives, numbered 1, 2, 3 … without a gap and in that order, and the queue is empty;</li>
 * <li>the backup route: the primary refuses (401), batches go to a second channel; the primary accepts again, new
 * batches go to it; no reading reaches the server twice.</li>
 * <li>a tiny store cap: while the server answers, delivered readouts make the room; while it is unreachable, the
 * oldest undelivered ones are dropped with a logged count; every received readout is then either at the server or
 * among the dropped; collection goes on.</li>
 * </ul>
 * Radio times are simulated and lie two days back (inside the server's window); the radio runs at 60 times real
 * time, so a simulated hour takes a minute.
 *
 * <p>Alone: {@code ./mvnw -B -o -pl demo -am verify -Dtest=NoSuchTest -Dit.test=CollectorReliabilityIT
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@DemoServerTest
@TestPropertySource(properties = {"openamr.test.context=collector-reliability", "openamr.demo.enabled=false",
        "openamr.polling.enabled=false"})
class CollectorReliabilityIT {

    private static final int RADIO_METERS = 50;
    private static final int WIRED_METERS = 3;
    private static final int KILLS = 20;
    private static final double SPEED = 60;
    /** The store-cap test's fleet and cap: a few simulated minutes of its telegrams fill it. */
    private static final int CAP_METERS = 40;
    private static final String CAP = "128KB";
    private static final long CAP_BYTES = 128 * 1024;
    /** The server output's batch size in these tests. */
    private static final int BATCH = 40;
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @TempDir
    Path dir;

    Api admin;
    World world;
    /** The test's radio fleet: its keys go to the collector, its meter ids tell radio readouts from wired ones. */
    RadioSource radioSource;
    /** Where the simulated radio period starts: two days back, well inside the server's window. */
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));

    record Channel(String id, String token) {
    }

    @BeforeEach
    void admin() {
        world = World.in(jdbc, passwords.encode("correct horse battery"));
        admin = new Api(port, world.tokens.get(Role.ADMIN));
    }

    private Channel channel() {
        Api.Response created = admin.post("/api/v1/channels", """
                {"kind": "CONCENTRATOR", "name": "collector %s", "buildingId": "%s"}"""
                .formatted(UUID.randomUUID(), world.buildingA));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        Api.Response issued = admin.post("/api/v1/channels/" + id + "/token", null);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return new Channel(id, issued.json().get("token").asString());
    }

    private RadioSource radio(long seed, int meters, Duration period) {
        return new RadioSource(new RadioSettings(seed, meters, RadioSecurity.parse("5"), Duration.ofSeconds(120),
                Duration.ofSeconds(12), start, period));
    }

    /** A virtual bus on a running clock (two days back, like the radio), so that each read is a new reading. */
    private static VirtualBus bus(long seed) {
        return VirtualBus.builder().seed(seed).clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(-2)))
                .baud(2400).demo(WIRED_METERS).build();
    }

    private String yaml(String id, RadioTcpServer radio, TcpBusServer wired, VirtualBus bus, String outputs)
            throws IOException {
        return yaml(id, "{path: store.db}", radio, wired, bus, outputs);
    }

    private String yaml(String id, String store, RadioTcpServer radio, TcpBusServer wired, VirtualBus bus,
                        String outputs) throws IOException {
        RadioKeys.write(dir.resolve("keys.txt"), radioSource.meters());
        List<Integer> primaries = bus.meters().stream().map(VirtualMeter::primaryAddress).toList();
        return """
                collector:
                  id: %s
                  store: %s
                inputs:
                  - name: basement
                    type: mbus
                    address: tcp://127.0.0.1:%d?baud=2400
                    addresses: %s
                    schedule: "0 0 1 1 *"
                  - name: air
                    type: radio
                    receiver: rtl-wmbus:tcp:127.0.0.1:%d
                    keys: keys.txt
                outputs:
                %s""".formatted(id, store, wired.port(), primaries, radio.port(), outputs.indent(2));
    }

    private static String serverOutput(String name, String url, String token, String more) {
        return """
                - name: %s
                  type: server
                  batchSize: %d
                  retry: {initial: 100ms, max: 1s}
                %s  settings: {url: "%s", token: "%s", timeoutSeconds: 5}
                """.formatted(name, BATCH, more, url, token);
    }

    // ---------------------------------------------------------------------------------------------- kill -9

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aCollectorKilledTwentyTimesLeavesEveryReadingAtTheServerExactlyOnce() throws Exception {
        Channel channel = channel();
        String collector = "kill-" + UUID.randomUUID().toString().substring(0, 6);
        // 70 simulated minutes in 70 s: 50 meters × ~35 telegrams, while the test kills the collector
        radioSource = radio(11, RADIO_METERS, Duration.ofMinutes(70));
        VirtualBus bus = bus(7);
        Path config = dir.resolve("collector.yaml");
        Random random = new Random();
        // the server's word for a batch it had already stored (sent again after a kill between the server's answer
        // and the store's confirmation): counted from its log, for the report
        ch.qos.logback.classic.Logger ingestLog =
                (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(IngestService.class);
        ListAppender<ILoggingEvent> ingest = new ListAppender<>();
        ingest.start();
        ingestLog.addAppender(ingest);
        int kills = 0;
        try (RadioTcpServer radio = RadioTcpServer.start(radio(11, RADIO_METERS, Duration.ofMinutes(70)), LOOPBACK,
                TelegramLineFormat.RTL_WMBUS, SPEED);
             TcpBusServer wired = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            Files.writeString(config, yaml(collector, radio, wired, bus,
                    serverOutput("server", "http://localhost:" + port, channel.token(), "")));
            for (; kills < KILLS; kills++) {
                try (Child child = Child.start(config, dir.resolve("child-" + kills + ".log"))) {
                    child.awaitLine("STARTED", Duration.ofSeconds(30));
                    // a random moment of its life: receiving, storing, numbering a batch, or waiting for the server
                    Thread.sleep(300 + random.nextInt(2200));
                    child.kill();
                }
            }
            assertThat(radio.awaitEnd(90, TimeUnit.SECONDS)).as("the simulated radio period ends").isTrue();
            // the last run, left alone until its queue is empty; then stopped cleanly so the store can be read
            try (Child last = Child.start(config, dir.resolve("child-last.log"))) {
                last.awaitLine("STARTED", Duration.ofSeconds(30));
                last.drain();
                last.awaitLine("DRAINING", Duration.ofSeconds(10));
                // a backlog of the kills' short lives, on a machine that may be busy with other builds
                last.awaitLine("QUEUE server 0", Duration.ofSeconds(120));
                last.terminate();
            }
        }
        ingestLog.detachAppender(ingest);
        long resent = List.copyOf(ingest.list).stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("'" + collector + "'") && m.contains("already stored")).count();
        Received store = received(dir.resolve("store.db"));
        Delivered server = delivered(List.of(channel.id()), store.serials());
        Truth truth = truth(store, radio(11, RADIO_METERS, Duration.ofMinutes(70)));
        long batches = count("select count(*) from ingest_batch b join acquisition_channel c on c.id = b.channel_id "
                + "where c.public_id = cast(? as uuid)", channel.id());
        long distinctSequences = count("select count(distinct b.sequence) from ingest_batch b join acquisition_channel c "
                + "on c.id = b.channel_id where c.public_id = cast(? as uuid)", channel.id());
        long maxSequence = count("select coalesce(max(b.sequence), 0) from ingest_batch b join acquisition_channel c "
                + "on c.id = b.channel_id where c.public_id = cast(? as uuid)", channel.id());
        Set<String> expected = store.keys(server.keys());
        long lost = expected.stream().filter(k -> !server.keys().contains(k)).count();
        long extra = server.keys().stream().filter(k -> !expected.contains(k)).count();
        long qualified = server.keys().stream().filter(k -> !k.split("\\|", -1)[6].isEmpty()).count();
        System.out.printf("kill -9: %d kills; received %d telegrams, %d readouts (%d radio meters, %d wired), %d register "
                        + "values (%d distinct); delivered %d readings (%d of qualified registers) in "
                        + "%d batches; %d lost, %d unknown at the server, %d duplicate readings, %d readings sent twice, "
                        + "%d rejected; %d batches sent again after a kill "
                        + "and acknowledged without storing; %d radio readouts checked against the simulator's truth, "
                        + "%d differ%n",
                kills, store.telegrams(), store.readouts(), store.radioMeters(), store.wiredMeters(bus), store.values(),
                expected.size(), server.keys().size(), qualified, batches, lost, extra, server.duplicateRows(),
                server.sent() - store.values(), server.rejected(), resent, truth.checked(), truth.wrong().size());
        assertThat(kills).isEqualTo(KILLS);
        assertThat(store.radioMeters()).as("radio meters heard and decoded").isEqualTo(RADIO_METERS);
        assertThat(store.wiredMeters(bus)).as("wired meters read").isEqualTo(WIRED_METERS);
        assertThat(store.readouts()).as("readouts received").isGreaterThan(RADIO_METERS * 10);
        assertThat(truth.wrong()).as("radio readouts unlike what the simulator sent").isEmpty();
        assertThat(truth.checked()).as("every radio readout is a telegram the simulator sent")
                .isEqualTo(store.radioReadouts());
        assertThat(lost).as("register values received but not at the server").isZero();
        assertThat(extra).as("register values at the server that the store never received").isZero();
        assertThat(server.keys()).isEqualTo(store.keys(server.keys()));
        // the heat meters' time in error: the registers readouts JSON once left out
        assertThat(qualified).as("readings of qualified registers at the server").isPositive();
        assertThat(server.duplicateRows()).isZero();
        assertThat(server.rejected()).isZero();
        // every value of every stored batch was sent once: what the server was sent (new + already had + rejected)
        // adds up to the store's values; a batch stored twice would count its values twice
        assertThat(server.sent()).as("register values the server was sent").isEqualTo(store.values());
        assertThat(distinctSequences).as("no batch stored twice").isEqualTo(batches);
        assertThat(maxSequence).as("batches numbered 1 … n without a gap").isEqualTo(batches);
    }

    // ---------------------------------------------------------------------------------------------- outage

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void afterAnOutageEveryBatchArrivesInOrderAndTheQueueIsEmpty() throws Exception {
        Channel channel = channel();
        radioSource = radio(21, 20, Duration.ofMinutes(20));
        VirtualBus bus = bus(9);
        List<String> log = new ArrayList<>();
        try (RadioTcpServer radio = RadioTcpServer.start(radio(21, 20, Duration.ofMinutes(20)), LOOPBACK,
                TelegramLineFormat.RTL_WMBUS, SPEED);
             TcpBusServer wired = TcpBusServer.start(bus, 0, Pacing.unpaced());
             TcpProxy proxy = new TcpProxy(port)) {
            String yaml = yaml("outage", radio, wired, bus,
                    serverOutput("server", "http://localhost:" + proxy.port(), channel.token(), ""));
            try (Collector c = Collector.open(new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir),
                    OutputTypes.builtIn(), Clock.systemUTC(), collect(log))) {
                c.start(); // first: the radio transmits already
                c.buses().get(0).readAll();
                await("first batches at the server", Duration.ofSeconds(30), () -> batches(channel) >= 2);
                // the server unreachable for 10 simulated minutes (10 s here): the meters keep sending
                proxy.down();
                // a request the server had whole when the proxy went down is still stored there (its answer lost,
                // the batch sent again later and acknowledged as already stored): counted once it has settled
                long before = settledBatches(channel);
                long queued = c.store().queueDepth("server");
                Thread.sleep(10_000); // the outage itself: a duration, nothing to poll for
                c.buses().get(0).readAll();
                long during = c.store().queueDepth("server");
                assertThat(batches(channel)).as("nothing arrives while the server is unreachable").isEqualTo(before);
                assertThat(during).as("readouts wait in the store").isGreaterThan(queued);
                proxy.up();
                assertThat(radio.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
                // the last telegrams may still be on their way when the period ends, and a readout stored after the
                // queue was seen empty would look lost: the radio closes its stream once they are written, and the
                // input reports the end after it stored everything before it
                radio.close();
                await("the radio stream read to its end", Duration.ofSeconds(20), () -> lines(log).stream()
                        .anyMatch(l -> l.startsWith("WARN input air: receiver") && l.contains("ended")));
                long heard = c.radios().get(0).counts().telegrams();
                assertThat(heard).as("telegrams heard of %d sent", radio.telegramsSent()).isPositive()
                        .isLessThanOrEqualTo(radio.telegramsSent());
                Received store = settled(c, "server");
                assertThat(missedAfterTheFirst(store, radio(21, 20, Duration.ofMinutes(20))))
                        .as("telegrams sent after the first one heard but not stored").isEmpty();
                List<Long> order = jdbc.sql("""
                        select b.sequence from ingest_batch b join acquisition_channel c on c.id = b.channel_id
                        where c.public_id = cast(? as uuid) order by b.id""").param(channel.id()).query(Long.class).list();
                List<Long> expected = new ArrayList<>();
                for (long s = 1; s <= order.size(); s++) {
                    expected.add(s);
                }
                Delivered server = delivered(List.of(channel.id()), store.serials());
                long failures = lines(log).stream().filter(l -> l.contains("failed (RETRYABLE")).count();
                System.out.printf("outage: heard %d of %d radio telegrams sent; received %d readouts, %d register values "
                                + "(%d distinct); %d readouts waited "
                                + "during the outage; %d retryable failures; delivered %d readings in %d batches; "
                                + "%d duplicate readings, %d sent twice; queue %d%n",
                        heard, radio.telegramsSent(), store.readouts(), store.values(), store.collected().size(), during,
                        failures, server.keys().size(),
                        order.size(), server.duplicateRows(), server.sent() - store.values(), c.store().queueDepth("server"));
                assertThat(failures).as("deliveries failed during the outage").isPositive();
                assertThat(order).as("batch sequences at the server, in the order stored").isEqualTo(expected);
                assertThat(order.size()).isGreaterThan((int) before);
                assertThat(server.keys()).isEqualTo(store.keys(server.keys()));
                assertThat(server.sent()).isEqualTo(store.values());
                assertThat(server.duplicateRows()).isZero();
                assertThat(c.store().queueDepth("server")).isZero();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- backup route

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void thePrimaryRefusesTheBackupTakesTheDataAndThePrimaryTakesOverAgain() throws Exception {
        Channel primary = channel();
        Channel backup = channel();
        radioSource = radio(31, 20, Duration.ofMinutes(20));
        VirtualBus bus = bus(13);
        List<String> log = new ArrayList<>();
        try (RadioTcpServer radio = RadioTcpServer.start(radio(31, 20, Duration.ofMinutes(20)), LOOPBACK,
                TelegramLineFormat.RTL_WMBUS, SPEED);
             TcpBusServer wired = TcpBusServer.start(bus, 0, Pacing.unpaced());
             RefusingGate gate = new RefusingGate(port)) {
            // the primary refuses from the start (401, as for a revoked token); its backup is a second channel of
            // the same server (the backup numbers its batches itself: under the primary's channel and collector id
            // its batch 1 would clash with the primary's batch 1)
            gate.refuse(true);
            String outputs = serverOutput("primary", gate.url(), primary.token(),
                    "  backup: spare\n  failuresBeforeBackup: 2\n")
                    + serverOutput("spare", "http://localhost:" + port, backup.token(), "  meters: none\n");
            String yaml = yaml("backup", radio, wired, bus, outputs);
            try (Collector c = Collector.open(new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir),
                    OutputTypes.builtIn(), Clock.systemUTC(), collect(log))) {
                c.start(); // first: the radio transmits already
                c.buses().get(0).readAll();
                await("batches through the backup", Duration.ofSeconds(40), () -> batches(backup) >= 3);
                assertThat(batches(primary)).isZero();
                gate.refuse(false);
                await("the primary delivering again", Duration.ofSeconds(30), () -> batches(primary) >= 1);
                assertThat(radio.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
                // the last telegrams may still be on their way when the period ends, and a readout stored after the
                // queue was seen empty would look lost: the radio closes its stream once they are written, and the
                // input reports the end after it stored everything before it
                radio.close();
                await("the radio stream read to its end", Duration.ofSeconds(20), () -> lines(log).stream()
                        .anyMatch(l -> l.startsWith("WARN input air: receiver") && l.contains("ended")));
                long heard = c.radios().get(0).counts().telegrams();
                assertThat(heard).as("telegrams heard of %d sent", radio.telegramsSent()).isPositive()
                        .isLessThanOrEqualTo(radio.telegramsSent());
                Received store = settled(c, "primary");
                assertThat(missedAfterTheFirst(store, radio(31, 20, Duration.ofMinutes(20))))
                        .as("telegrams sent after the first one heard but not stored").isEmpty();
                long viaBackup = batches(backup);
                long viaPrimary = batches(primary);
                // once the primary answered, nothing more went to the backup: its last batch came before the
                // primary's first
                long backupAfterPrimary = count("""
                        select count(*) from ingest_batch b join acquisition_channel c on c.id = b.channel_id
                        where c.public_id = cast(? as uuid) and b.received_at > (select min(p.received_at) from ingest_batch p
                        join acquisition_channel pc on pc.id = p.channel_id where pc.public_id = cast(? as uuid))""",
                        backup.id(), primary.id());
                Delivered both = delivered(List.of(primary.id(), backup.id()), store.serials());
                System.out.printf("backup route: heard %d of %d radio telegrams sent; received %d readouts, %d register "
                                + "values (%d distinct); delivered %d "
                                + "readings: %d batches through the backup while the primary refused (%d refusals), then %d "
                                + "to the primary; %d duplicate readings, %d sent twice%n",
                        heard, radio.telegramsSent(), store.readouts(), store.values(), store.collected().size(),
                        both.keys().size(), viaBackup,
                        gate.refused(), viaPrimary,
                        both.duplicateRows(), both.sent() - store.values());
                assertThat(viaPrimary).isGreaterThanOrEqualTo(1);
                assertThat(lines(log)).anySatisfy(l -> assertThat(l).contains("failed (REFUSED").contains("answered 401"));
                assertThat(backupAfterPrimary).as("backup batches after the primary was back").isZero();
                assertThat(c.outputStatus().get(0).throughBackup()).isEqualTo(viaBackup);
                assertThat(both.keys()).isEqualTo(store.keys(both.keys()));
                assertThat(both.sent()).as("register values sent to the server, both channels").isEqualTo(store.values());
                assertThat(both.duplicateRows()).isZero();
                assertThat(c.store().queueDepth("primary")).isZero();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- store cap

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aTinyStoreCapDropsDeliveredDataFirstThenTheOldestUndeliveredAndCollectionGoesOn() throws Exception {
        Channel channel = channel();
        RadioSource source = radio(41, CAP_METERS, Duration.ofMinutes(30));
        radioSource = source;
        VirtualBus bus = bus(17);
        List<String> log = new ArrayList<>();
        try (RadioTcpServer radio = RadioTcpServer.start(radio(41, CAP_METERS, Duration.ofMinutes(30)), LOOPBACK,
                TelegramLineFormat.RTL_WMBUS, SPEED);
             TcpBusServer wired = TcpBusServer.start(bus, 0, Pacing.unpaced());
             TcpProxy proxy = new TcpProxy(port)) {
            // the wired bus is never read here (its schedule is once a year): every readout is a radio telegram's
            String yaml = yaml("capped", "{path: store.db, maxSize: " + CAP + "}", radio, wired, bus,
                    serverOutput("server", "http://localhost:" + proxy.port(), channel.token(), ""));
            try (Collector c = Collector.open(new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir),
                    OutputTypes.builtIn(), Clock.systemUTC(), collect(log))) {
                c.start();
                // the server reachable: the cap fills with delivered readouts, and they make the room
                await("the store holding fewer readouts than it received", Duration.ofSeconds(40),
                        () -> readoutsKept(c) < c.radios().get(0).counts().readouts() - 20);
                long receivedBefore = c.radios().get(0).counts().readouts();
                long keptBefore = readoutsKept(c);
                assertThat(c.store().droppedUndelivered()).as("undelivered readouts dropped while the server answers")
                        .isZero();
                // the server unreachable: only undelivered readouts are left to drop, the oldest first
                proxy.down();
                await("undelivered readouts dropped for the cap", Duration.ofSeconds(40),
                        () -> c.store().droppedUndelivered() > 0);
                Thread.sleep(3_000); // a while longer over the cap: a duration, nothing to poll for
                long receivedDuringOutage = c.radios().get(0).counts().readouts() - receivedBefore;
                proxy.up();
                assertThat(radio.awaitEnd(60, TimeUnit.SECONDS)).isTrue();
                radio.close();
                await("the radio stream read to its end", Duration.ofSeconds(20), () -> lines(log).stream()
                        .anyMatch(l -> l.startsWith("WARN input air: receiver") && l.contains("ended")));
                await("the queue empty", Duration.ofSeconds(30), () -> queue(c, "server") == 0);
                c.store().enforceCap();
                long received = c.radios().get(0).counts().readouts();
                long dropped = c.store().droppedUndelivered();
                long logged = lines(log).stream().filter(l -> l.contains("oldest undelivered readouts"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll(".*dropped the (\\d+) oldest undelivered.*", "$1")))
                        .sum();
                // each radio readout is one telegram; at the server, a telegram is its meter and time
                Set<String> atServer = serverTelegrams(source);
                // in the order the radio sent them, from the first that reached the server: which ones did not
                List<Integer> missing = new ArrayList<>();
                int index = 0;
                boolean first = false;
                for (var it = source.telegrams(); it.hasNext(); index++) {
                    var t = it.next();
                    boolean there = atServer.contains(t.truth().id() + "@" + t.at());
                    first |= there;
                    if (first && !there) {
                        missing.add(index);
                    }
                }
                Delivered server = delivered(List.of(channel.id()), Set.copyOf(source.meters().stream()
                        .map(m -> m.id()).toList()));
                System.out.printf("store cap %s: received %d readouts (%d during the outage); the store kept %d of the "
                                + "%d received before the outage, all delivered ones dropped first; %d undelivered "
                                + "dropped (logged: %d); delivered %d; %d missing at the server in %d run(s); %d "
                                + "duplicate readings; store %d bytes in use%n",
                        CAP, received, receivedDuringOutage, keptBefore, receivedBefore, dropped, logged,
                        atServer.size(), missing.size(), runs(missing), server.duplicateRows(), c.store().usedBytes());
                assertThat(dropped).as("undelivered readouts dropped").isPositive();
                assertThat(logged).as("the drops the log reports").isEqualTo(dropped);
                // "undelivered" is the collector's view: a batch on its way — when the server became unreachable, or
                // while the backlog went out after it came back with the store still at its cap — can be stored there
                // and dropped all the same; so every telegram missing at the server was dropped, not every dropped one
                // is missing, and nothing received is neither at the server nor counted
                assertThat(missing.size() + atServer.size()).as("telegrams missing or at the server, of those received")
                        .isEqualTo(received);
                assertThat(missing).as("telegrams missing at the server").isNotEmpty();
                assertThat((long) missing.size()).as("telegrams missing at the server: dropped ones")
                        .isLessThanOrEqualTo(dropped);
                assertThat(server.duplicateRows()).isZero();
                assertThat(server.rejected()).isZero();
                assertThat(c.store().usedBytes()).as("the store within its cap").isLessThanOrEqualTo(CAP_BYTES);
                assertThat(c.radios().get(0).counts().readouts()).as("collection went on after the drops")
                        .isGreaterThan(receivedBefore + receivedDuringOutage);
            }
        }
    }

    /** The fleet's telegrams at the server, as meter@time: the times of their current (storage 0) values. */
    private Set<String> serverTelegrams(RadioSource source) {
        return new HashSet<>(jdbc.sql("""
                        select distinct m.serial, r.measured_at from reading r
                        join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                        where m.serial = any(?) and g.storage = 0""")
                .param(source.meters().stream().map(m -> m.id()).toArray(String[]::new))
                .query((rs, n) -> rs.getString(1) + "@"
                        + rs.getObject(2, java.time.OffsetDateTime.class).toInstant())
                .list());
    }

    private static long readoutsKept(Collector c) {
        try {
            return c.store().readouts().size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs of consecutive numbers in an ascending list. */
    private static int runs(List<Integer> ascending) {
        int runs = 0;
        for (int i = 0; i < ascending.size(); i++) {
            if (i == 0 || ascending.get(i) != ascending.get(i - 1) + 1) {
                runs++;
            }
        }
        return runs;
    }

    // ---------------------------------------------------------------------------------------------- support

    /** The collector's log so far (its threads add to it). */
    private static List<String> lines(List<String> log) {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    private static EventLog collect(List<String> log) {
        return (level, text) -> {
            synchronized (log) {
                log.add(level + " " + text);
            }
        };
    }

    /**
     * What the store received, read while its queue is empty: read again if a readout came in meanwhile (the input
     * counts a telegram just before storing it), so that the set compared with the server's is the delivered one.
     */
    private Received settled(Collector c, String output) throws Exception {
        while (true) {
            await("the queue empty", Duration.ofSeconds(30), () -> queue(c, output) == 0);
            Received r = received(c.store());
            if (queue(c, output) == 0 && received(c.store()).readouts() == r.readouts()) {
                return r;
            }
        }
    }

    private static long queue(Collector c, String output) {
        try {
            return c.store().queueDepth(output);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long batches(Channel channel) {
        return count("select count(*) from ingest_batch b join acquisition_channel c on c.id = b.channel_id "
                + "where c.public_id = cast(? as uuid)", channel.id());
    }

    /** The channel's stored batches once the count stays the same for a second. */
    private long settledBatches(Channel channel) throws InterruptedException {
        long seen = batches(channel);
        while (true) {
            Thread.sleep(1_000);
            long now = batches(channel);
            if (now == seen) {
                return now;
            }
            seen = now;
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("within %s: %s", limit, what).isTrue();
            Thread.sleep(100);
        }
    }

    /**
     * One register value as both sides can name it: meter, register, time (µs at the server) and value (exact,
     * trailing zeros aside: the server's numeric keeps the scale it was sent, but 1.50 and 1.5 are one value).
     */
    static String key(String serial, String quantity, long storage, int tariff, int subunit, String function,
                      String qualifier, long epochMicros, java.math.BigDecimal value) {
        return key(serial, quantity, storage, tariff, subunit, function, qualifier, Long.toString(epochMicros), value);
    }

    /** A time as the collector keeps it, marked: the server's microseconds are matched to it in {@link Received#keys}. */
    static String nanos(Instant t) {
        return "n" + Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** A time the server holds (whole microseconds) as microseconds since the epoch. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
    }

    static String key(String serial, String quantity, long storage, int tariff, int subunit, String function,
                      String qualifier, String time, java.math.BigDecimal value) {
        return serial + "|" + quantity + "|" + storage + "|" + tariff + "|" + subunit + "|" + function + "|" + qualifier
                + "|" + time + "|" + value.stripTrailingZeros().toPlainString();
    }

    record Received(long telegrams, long readouts, long values, Set<String> collected,
                    Set<String> serials, int radioMeters, List<MeterReadout> radio) {

        /**
         * The values' keys with their times as the server can hold them: PostgreSQL keeps microseconds, and the
         * collector's clock (the time of wired reads) has nanoseconds, which the driver and the database round
         * (half up or half even, depending on the path); a time between two microseconds takes the one the server
         * has, else the lower, so that only a real difference shows.
         */
        Set<String> keys(Set<String> server) {
            Set<String> out = new HashSet<>();
            for (String k : collected) {
                String[] f = k.split("\\|", -1);
                long ns = Long.parseLong(f[7].substring(1));
                long lo = Math.floorDiv(ns, 1000L);
                String prefix = String.join("|", List.of(f).subList(0, 7)) + "|";
                String low = prefix + lo + "|" + f[8];
                String high = prefix + (lo + 1) + "|" + f[8];
                out.add(ns % 1000 != 0 && !server.contains(low) && server.contains(high) ? high : low);
            }
            return out;
        }

        long radioReadouts() {
            return radio.size();
        }

        long wiredMeters(VirtualBus bus) {
            return bus.meters().stream().filter(m -> serials.contains(m.id())).count();
        }
    }

    private Received received(Path file) throws Exception {
        try (Store s = Store.open(file, 1L << 30, Optional.empty(), Clock.systemUTC(), EventLog.silent())) {
            return received(s);
        }
    }

    private Received received(Store s) throws SQLException {
        Map<Long, MeterReadout> readouts = s.readouts();
        Set<String> keys = new HashSet<>();
        Set<String> serials = new HashSet<>();
        long values = 0;
        for (MeterReadout r : readouts.values()) {
            serials.add(r.meter().serial());
            for (RegisterValue v : r.values()) {
                values++;
                keys.add(key(r.meter().serial(), v.key().quantity().name(), v.key().storage(), v.key().tariff(),
                        v.key().subunit(), v.key().function().name(), v.key().qualifier(), nanos(v.measuredAt()),
                        v.value()));
            }
        }
        Set<String> radioIds = new HashSet<>();
        radioSource.meters().forEach(m -> radioIds.add(m.id()));
        int radio = (int) serials.stream().filter(radioIds::contains).count();
        List<MeterReadout> radioReadouts = readouts.values().stream().filter(r -> radioIds.contains(r.meter().serial()))
                .toList();
        long telegrams = s.telegramCounts().values().stream().mapToLong(Long::longValue).sum();
        return new Received(telegrams, readouts.size(), values, keys, serials, radio, radioReadouts);
    }

    record Truth(long checked, List<String> wrong) {
    }

    /**
     * Each radio readout in the store against the simulator's truth of the telegram the meter sent at that instant
     * (the rtl_wmbus line carries the simulated time): it must be one the simulator sent, and each of its values
     * one of that telegram's exact values.
     */
    private static Truth truth(Received store, RadioSource source) {
        Map<String, TelegramTruth> sent = new HashMap<>();
        source.telegrams().forEachRemaining(t -> sent.put(t.truth().id() + "@" + t.at(), t.truth()));
        List<String> wrong = new ArrayList<>();
        long checked = 0;
        for (MeterReadout r : store.radio()) {
            TelegramTruth t = sent.get(r.meter().serial() + "@" + r.readAt());
            if (t == null) {
                wrong.add(r.meter().serial() + " at " + r.readAt() + ": no such telegram");
                continue;
            }
            checked++;
            Set<String> values = new HashSet<>();
            for (TruthValue v : t.values()) {
                try {
                    values.add(new java.math.BigDecimal(v.text()).stripTrailingZeros().toPlainString());
                } catch (NumberFormatException dateNotNumber) {
                    // a date record: it dates values, it is no value of its own
                }
            }
            for (RegisterValue v : r.values()) {
                String value = v.value().stripTrailingZeros().toPlainString();
                if (!values.contains(value)) {
                    wrong.add(r.meter().serial() + " at " + r.readAt() + ": " + v.key().quantity() + " " + value
                            + " is not among " + values);
                }
            }
        }
        return new Truth(checked, wrong);
    }

    /**
     * The radio transmits from its start and the collector connects a second or so later, so the first telegrams
     * (a simulated minute or two) go unheard; from the first one heard on, connected throughout, it must store
     * every one. Returns those it missed after that.
     */
    private static List<String> missedAfterTheFirst(Received store, RadioSource source) {
        Set<String> heard = new HashSet<>();
        store.radio().forEach(r -> heard.add(r.meter().serial() + "@" + r.readAt()));
        List<String> missed = new ArrayList<>();
        boolean connected = false;
        for (var it = source.telegrams(); it.hasNext(); ) {
            var t = it.next();
            String key = t.truth().id() + "@" + t.at();
            connected |= heard.contains(key);
            if (connected && !heard.contains(key)) {
                missed.add(key);
            }
        }
        assertThat(connected).as("any telegram heard").isTrue();
        return missed;
    }

    record Delivered(Set<String> keys, long duplicateRows, long sent, long rejected) {
    }

    /** The readings of the given meters at the server, and what the channels' pushes counted. */
    private Delivered delivered(List<String> channels, Set<String> serials) {
        String[] ids = channels.toArray(new String[0]);
        Set<String> keys = new HashSet<>();
        Map<String, Integer> rows = new HashMap<>();
        jdbc.sql("""
                        select m.serial, g.quantity, g.storage, g.tariff, g.subunit, g.function, g.qualifier,
                               r.measured_at, r.value
                        from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                        where m.serial = any(?)""").param(serials.toArray(new String[0]))
                .query((rs, n) -> key(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7),
                        micros(rs.getObject(8, java.time.OffsetDateTime.class).toInstant()), rs.getBigDecimal(9)))
                .list().forEach(k -> {
                    keys.add(k);
                    rows.merge(k, 1, Integer::sum);
                });
        long duplicates = rows.values().stream().filter(n -> n > 1).count();
        long sent = count("""
                select coalesce(sum(p.readings_new + p.readings_duplicate + p.rejected), 0) from ingest_push p
                join acquisition_channel c on c.id = p.channel_id where c.public_id = any(cast(? as uuid[]))""",
                (Object) ids);
        long rejected = count("""
                select coalesce(sum(p.rejected), 0) from ingest_push p
                join acquisition_channel c on c.id = p.channel_id where c.public_id = any(cast(? as uuid[]))""",
                (Object) ids);
        return new Delivered(keys, duplicates, sent, rejected);
    }

    /**
     * A collector JVM: {@link CollectorChild} on this test's classpath, its log in a file. Closing it kills what is
     * still running, so that a failed test leaves no collector behind.
     */
    static final class Child implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Path log;

        private Child(Process process, Path log) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.log = log;
        }

        static Child start(Path config, Path log) throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            return new Child(new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), CollectorChild.class.getName(), config.toString())
                    .redirectError(log.toFile()).start(), log);
        }

        /** Reads the child's lines until one is {@code line}; fails when it ends or the time runs out. */
        void awaitLine(String line, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                assertThat(System.nanoTime() < deadline).as("within %s the collector printed %s; its log ends with:%n%s",
                        limit, line, logTail()).isTrue();
                String l = out.readLine();
                assertThat(l).as("the collector's output ended before %s; its log ends with:%n%s", line, logTail())
                        .isNotNull();
                if (l.equals(line)) {
                    return;
                }
            }
        }

        /** The last lines of the child's log, for a failure's message. */
        private String logTail() throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        }

        /** Ends the child's own bus reads: the radio has ended, so nothing new comes in after its answer. */
        void drain() throws IOException {
            process.getOutputStream().write("drain\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        /** SIGKILL, through the handle so that our end of the pipe stays open, and its end awaited. */
        void kill() throws InterruptedException {
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() {
            process.toHandle().destroyForcibly();
        }

        /** SIGTERM: the collector stops its inputs, lets deliveries finish, closes the store. */
        void terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("the collector stopped on SIGTERM").isTrue();
        }
    }
}
