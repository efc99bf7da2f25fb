package org.openamr.collector.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.channel.BusConnection;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.acquisition.schedule.Cron;
import org.openamr.collector.Collector;
import org.openamr.collector.delivery.Pause;
import org.openamr.collector.store.Store;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.readout.ReadoutJson;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.Frame;
import org.openamr.mbus.link.FrameAssembler;
import org.openamr.mbus.master.Readout;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;

/**
 * The whole collector from its YAML: a simulated radio fleet in security mode 5 (a replay file with its
 * keys, plus a damaged and a garbage line) and a virtual wired bus behind a TCP gateway, stored and
 * delivered to a file output.
 */
class CollectorEndToEndTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void radioAndWiredMetersAreStoredAndDelivered() throws Exception {
        RadioSource radio = new RadioSource(new RadioSettings(7, 5, RadioSecurity.parse("5"), Duration.ofSeconds(120),
                Duration.ofSeconds(12), Instant.parse("2026-02-01T00:00:00Z"), Duration.ofMinutes(10)));
        Path replay = dir.resolve("radio.txt");
        Path keys = dir.resolve("keys.txt");
        RadioFiles.Summary summary = RadioFiles.write(radio, replay, keys, null);
        List<String> lines = new ArrayList<>(Files.readAllLines(replay));
        String last = lines.get(lines.size() - 1);
        // a telegram damaged in the air (one hex digit changed inside the encrypted payload), and a line that is none
        int at = last.length() - 10;
        lines.add(last.substring(0, at) + (last.charAt(at) == '0' ? '1' : '0') + last.substring(at + 1));
        lines.add("this is no telegram");
        Files.write(replay, lines);

        VirtualBus bus = VirtualBus.builder().seed(3).clock(Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC))
                .baud(2400).demo(3).build();
        List<Integer> primaries = bus.meters().stream().map(VirtualMeter::primaryAddress).toList();
        Set<String> wiredIds = bus.meters().stream().map(VirtualMeter::id).collect(Collectors.toSet());
        Path out = dir.resolve("out");
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            String yaml = """
                    collector:
                      id: e2e
                      store: {path: store.db}
                    inputs:
                      - name: basement
                        type: mbus
                        address: tcp://127.0.0.1:%d?baud=2400
                        addresses: %s
                        schedule: "0 0 1 1 *"
                      - name: air
                        type: radio
                        receiver: replay:%s
                        keys: keys.txt
                    outputs:
                      - name: archive
                        type: file
                        settings: {dir: %s}
                    """.formatted(server.port(), primaries, replay, out);
            CollectorSettings settings = new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir);
            try (Collector c = Collector.open(settings, OutputTypes.builtIn(), Clock.systemUTC(),
                    (level, text) -> { synchronized (log) { log.add(level + " " + text); } })) {
                assertThat(c.buses().get(0).readAll()).isEqualTo(3); // the scheduled read, called now
                c.start();
                long expectedTelegrams = 3 + summary.telegrams() + 2;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && (total(c.store().telegramCounts()) < expectedTelegrams
                        || c.store().queueDepth("archive") > 0)) {
                    Thread.sleep(100);
                }
                Map<String, Long> counts = c.store().telegramCounts();
                assertThat(total(counts)).isEqualTo(expectedTelegrams);
                assertThat(counts).containsEntry("decoded", 3 + summary.telegrams()).containsEntry("failed", 1L)
                        .containsEntry("damaged", 1L);
                assertThat(c.radios().get(0).counts().errors()).hasSize(2);
                Map<Long, MeterReadout> stored = c.store().readouts();
                assertThat(stored).hasSize((int) (3 + summary.telegrams()));
                Set<String> serials = new HashSet<>();
                stored.values().forEach(r -> serials.add(r.meter().serial()));
                assertThat(serials).containsAll(wiredIds).hasSize(3 + 5);
                assertThat(stored.values()).allSatisfy(r -> assertThat(r.values()).isNotEmpty());
                assertThat(c.store().queueDepth("archive")).isZero();
                List<MeterReadout> delivered = new ArrayList<>();
                try (Stream<Path> files = Files.list(out)) {
                    for (Path f : files.toList()) {
                        delivered.addAll(ReadoutJson.readBatch(Files.readString(f)).readouts());
                    }
                }
                assertThat(delivered).containsExactlyInAnyOrderElementsOf(stored.values());
                assertThat(wiredRawDecodedAgain(c.store().file(), settings))
                        .as("the wired reads' raw frames, decoded again, give the readouts stored")
                        .hasSize(3).allSatisfy(r -> assertThat(stored.values()).contains(r));
            }
        }
        assertThat(log).anySatisfy(l -> assertThat(l).contains("input basement: read 3 meters"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("WARN input air: telegram not decoded"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("WARN input air: damaged input"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("collector e2e: stopped"));
    }

    @Test
    @Timeout(90)
    void aSecondarySearchAtTheFirstReadFindsTheBusAndLaterReadsReadWhatItFound() throws Exception {
        VirtualBus bus = VirtualBus.builder().seed(5).clock(Clock.fixed(Instant.parse("2026-02-01T10:00:00Z"), ZoneOffset.UTC))
                .baud(38400).demo(3).build();
        Set<String> ids = bus.meters().stream().map(VirtualMeter::id).collect(Collectors.toSet());
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TcpBusServer server = TcpBusServer.start(bus, 0, Pacing.unpaced());
             Store store = Store.open(dir.resolve("s.db"), 1L << 30, java.util.Optional.empty(), Clock.systemUTC(),
                     EventLog.silent())) {
            CollectorSettings.WiredInput spec = new CollectorSettings.WiredInput("bus",
                    BusConnection.of("tcp://127.0.0.1:" + server.port(), 38400), List.of(), List.of(),
                    CollectorSettings.Search.SECONDARY, Cron.parse("0 * * * *"));
            WiredBusInput input = new WiredBusInput(spec, store, TelegramReadouts.builtIn(), Clock.systemUTC(), ZoneOffset.UTC,
                    Pause.real(), (level, text) -> log.add(level + " " + text));
            assertThat(input.readAll()).isEqualTo(3);
            assertThat(input.readAll()).isEqualTo(3);
            assertThat(log.stream().filter(l -> l.contains("search found 3 meters"))).hasSize(1);
            Set<String> read = new HashSet<>();
            store.readouts().values().forEach(r -> read.add(r.meter().serial()));
            assertThat(read).isEqualTo(ids);
            assertThat(store.readouts()).hasSize(6);
        }
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The wired input's stored telegrams: their raw bytes split into frames and turned into readouts once more. */
    private static List<MeterReadout> wiredRawDecodedAgain(Path store, CollectorSettings settings) throws Exception {
        List<MeterReadout> out = new ArrayList<>();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store);
             java.sql.ResultSet r = db.createStatement().executeQuery(
                     "SELECT raw, received_at FROM telegrams WHERE input = 'basement' ORDER BY id")) {
            while (r.next()) {
                byte[] raw = r.getBytes(1);
                FrameAssembler frames = new FrameAssembler();
                frames.feed(raw, 0, raw.length);
                List<VariableDataResponse> telegrams = new ArrayList<>();
                for (Optional<Frame> f = frames.next(); f.isPresent(); f = frames.next()) {
                    telegrams.add((VariableDataResponse) TelegramCodec.applicationMessage(f.get()));
                }
                assertThat(frames.pendingBytes()).as("bytes after the last frame").isZero();
                Instant at = Instant.parse(r.getString(2));
                out.add(TelegramReadouts.builtIn().toReadout(new Readout("raw", telegrams, at, Duration.ZERO, 1),
                        settings.zone()));
            }
        }
        return out;
    }
}
