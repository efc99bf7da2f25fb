package org.openamr.collector.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.config.MeterFilter;
import org.openamr.collector.output.file.FileOutput;
import org.openamr.collector.readout.ReadoutJson;
import org.openamr.collector.store.Readouts;
import org.openamr.collector.store.Store;

class DelivererTest {

    @TempDir
    Path dir;

    private final FakePause.MutableClock clock = new FakePause.MutableClock();
    private final FakePause pause = new FakePause(clock);
    private final List<String> log = new ArrayList<>();
    private final EventLog events = (level, text) -> log.add(level + " " + text);

    private static OutputSettings output(String name, MeterFilter meters, Optional<String> backup) {
        return new OutputSettings(name, "file", Optional.empty(), meters, backup, 3, Duration.ofSeconds(10),
                Duration.ofMinutes(5), 100, null);
    }

    @Test
    void aFailingPrimaryHandsOverToItsBackupAndTakesOverAgainWhenItAnswers() throws Exception {
        Path blocker = dir.resolve("blocker"); // a file where the primary's folder should be: it cannot be written
        Files.writeString(blocker, "x");
        Path primaryDir = blocker.resolve("server");
        Path backupDir = dir.resolve("spare");
        try (Store store = Store.open(dir.resolve("s.db"), 1L << 30, Optional.empty(), clock, events)) {
            store.registerOutputs(List.of("server", "spare"));
            Deliverer d = new Deliverer("c1", store, List.of(output("server", MeterFilter.ALL, Optional.of("spare")),
                    output("spare", MeterFilter.NONE, Optional.empty())),
                    Map.of("server", new FileOutput("server", "c1", primaryDir), "spare", new FileOutput("spare", "c1", backupDir)),
                    clock, ZoneOffset.UTC, pause, events, new Random(1));
            Deliverer.Worker server = d.worker("server");
            add(store, 1, 10);
            assertThat(server.deliverNext()).isTrue();
            // three failures: two back-off pauses (10 s, then 20 s less up to half of jitter), then the backup
            assertThat(pause.sleeps).hasSize(2);
            assertThat(pause.sleeps.get(0)).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            assertThat(pause.sleeps.get(1)).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20));
            assertThat(numbers(backupDir.resolve("c1_spare_1.json"))).containsExactlyElementsOf(range(1, 10));

            add(store, 11, 15); // still failing: one probe of the primary, then straight to the backup
            assertThat(server.deliverNext()).isTrue();
            assertThat(pause.sleeps).hasSize(2);
            assertThat(numbers(backupDir.resolve("c1_spare_2.json"))).containsExactlyElementsOf(range(11, 15));

            Files.delete(blocker); // the primary is back
            add(store, 16, 20);
            assertThat(server.deliverNext()).isTrue();
            assertThat(numbers(primaryDir.resolve("c1_server_3.json"))).containsExactlyElementsOf(range(16, 20));
            assertThat(server.deliverNext()).isFalse();
            assertThat(d.worker("spare").deliverNext()).as("the backup carries no meters of its own").isFalse();

            List<Long> all = new ArrayList<>();
            for (Path p : files(primaryDir, backupDir)) {
                all.addAll(numbers(p));
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(range(1, 20)); // each once, wherever it went
            assertThat(store.queueDepth("server")).isZero();
            assertThat(log).anySatisfy(l -> assertThat(l).contains("delivered through backup spare"));
            OutputStatus status = d.status().get(0);
            assertThat(status.name()).isEqualTo("server");
            assertThat(status.delivered()).isEqualTo(1);
            assertThat(status.throughBackup()).isEqualTo(2);
            assertThat(status.failuresInRow()).isZero();
            assertThat(status.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("RETRYABLE: cannot write"));
            assertThat(status.lastSuccess()).contains(clock.now);
            assertThat(log).anySatisfy(l -> assertThat(l).contains("answers again"));
        }
    }

    @Test
    void aRefusalIsRetriedAtTheLongestIntervalAndTheDataKept() throws Exception {
        List<Long> delivered = new ArrayList<>();
        int[] refusals = {2};
        Output picky = new Output() {
            @Override
            public String name() {
                return "picky";
            }

            @Override
            public void deliver(Batch batch) throws DeliveryException {
                if (refusals[0]-- > 0) {
                    throw new DeliveryException(DeliveryException.Kind.REFUSED, "HTTP 413 Payload Too Large");
                }
                batch.readouts().forEach(r -> delivered.add(Readouts.number(r)));
            }
        };
        try (Store store = Store.open(dir.resolve("s.db"), 1L << 30, Optional.empty(), clock, events)) {
            store.registerOutputs(List.of("picky"));
            Deliverer d = new Deliverer("c1", store, List.of(output("picky", MeterFilter.ALL, Optional.empty())),
                    Map.of("picky", picky), clock, ZoneOffset.UTC, pause, events, new Random(1));
            add(store, 1, 3);
            assertThat(d.worker("picky").deliverNext()).isTrue();
            assertThat(pause.sleeps).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5));
            assertThat(delivered).containsExactly(1L, 2L, 3L);
            assertThat(log).anySatisfy(l -> assertThat(l).contains("REFUSED").contains("HTTP 413 Payload Too Large"));
        }
    }

    @Test
    void backOffDoublesUpToTheMaximumWithJitter() throws Exception {
        try (Store store = Store.open(dir.resolve("s.db"), 1L << 30, Optional.empty(), clock, events)) {
            Deliverer d = new Deliverer("c1", store, List.of(output("a", MeterFilter.ALL, Optional.empty())),
                    Map.of("a", new FileOutput("a", "c1", dir)), clock, ZoneOffset.UTC, pause, events, new Random(7));
            Deliverer.Worker w = d.worker("a");
            Set<Duration> seen = new HashSet<>();
            for (int n = 1; n <= 12; n++) {
                Duration b = w.backoff(n);
                long full = Math.min(10L << (n - 1), 300);
                assertThat(b).isBetween(Duration.ofSeconds(full).dividedBy(2), Duration.ofSeconds(full));
                seen.add(b);
            }
            assertThat(seen).hasSizeGreaterThan(6); // jitter: not the same pause every time
        }
    }

    @Test
    void aScheduledOutputDeliversAtItsCronTimesOnly() throws Exception {
        Path out = dir.resolve("out");
        try (Store store = Store.open(dir.resolve("s.db"), 1L << 30, Optional.empty(), clock, events)) {
            store.registerOutputs(List.of("quarterly"));
            OutputSettings spec = new OutputSettings("quarterly", "file",
                    Optional.of(org.openamr.acquisition.schedule.Cron.parse("*/15 * * * *")), MeterFilter.ALL, Optional.empty(),
                    3, Duration.ofSeconds(10), Duration.ofMinutes(5), 4, null);
            clock.now = java.time.Instant.parse("2026-03-01T12:05:30Z");
            add(store, 1, 10);
            pause.stopAfter = 1;
            new Deliverer("c1", store, List.of(spec), Map.of("quarterly", new FileOutput("quarterly", "c1", out)),
                    clock, ZoneOffset.UTC, pause, events, new Random(1)).worker("quarterly").run();
            assertThat(pause.sleeps.get(0)).isEqualTo(Duration.ofMinutes(9).plusSeconds(30)); // until 12:15
            assertThat(numbers(out.resolve("c1_quarterly_1.json"))).containsExactly(1L, 2L, 3L, 4L);
            assertThat(numbers(out.resolve("c1_quarterly_3.json"))).containsExactly(9L, 10L); // all drained at 12:15
            assertThat(store.queueDepth("quarterly")).isZero();
        }
    }

    private static void add(Store store, long from, long to) throws Exception {
        for (long n = from; n <= to; n++) {
            store.store(null, "in", List.of(Readouts.readout("12345678", n)));
        }
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    static List<Long> numbers(Path file) throws Exception {
        return ReadoutJson.readBatch(Files.readString(file)).readouts().stream().map(Readouts::number).toList();
    }

    private static List<Path> files(Path... dirs) throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path d : dirs) {
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
            }
        }
        return files;
    }
}
