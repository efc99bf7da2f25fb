package org.openamr.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.MeterFilter;

class StoreTest {

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();
    private final EventLog events = (level, text) -> log.add(level + " " + text);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private Store open(long maxBytes) throws Exception {
        return Store.open(dir.resolve("store.db"), maxBytes, Optional.empty(), clock, events);
    }

    @Test
    void readoutsComeBackExactlyAfterReopening() throws Exception {
        MeterReadout r = Readouts.readout("41494068", 12345);
        StoredTelegram t = new StoredTelegram("radio", "replay:x", Instant.parse("2026-03-01T11:59:00Z"), OptionalInt.of(-71),
                new byte[] {0x2e, 0x44, 1, 2}, "decoded", "");
        try (Store s = open(1L << 30)) {
            assertThat(s.store(t, "radio", List.of(r))).hasSize(1);
        }
        try (Store s = open(1L << 30)) {
            Map<Long, MeterReadout> all = s.readouts();
            assertThat(all.values()).containsExactly(r); // records compare BigDecimal with equals: scale included
            MeterReadout back = all.values().iterator().next();
            assertThat(back.values().get(0).value().toString()).isEqualTo("12345.000");
            assertThat(back.values().get(1).value().toString()).isEqualTo("0.10");
            assertThat(s.telegramCounts()).containsEntry("decoded", 1L);
        }
    }

    @Test
    void aBatchIsWrittenBeforeItIsSentAndTheSameComesBackUntilConfirmed() throws Exception {
        try (Store s = open(1L << 30)) {
            s.registerOutputs(List.of("a"));
            for (int i = 1; i <= 5; i++) {
                s.store(null, "in", List.of(Readouts.readout("0000000" + (i % 2), i)));
            }
            PendingBatch first = s.nextBatch("a", MeterFilter.ALL, 3).orElseThrow();
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.readouts()).extracting(Readouts::number).containsExactly(1L, 2L, 3L);
            assertThat(s.nextBatch("a", MeterFilter.ALL, 3)).contains(first);
            s.delivered(first, null);
            PendingBatch second = s.nextBatch("a", MeterFilter.ALL, 3).orElseThrow();
            assertThat(second.sequence()).isEqualTo(2);
            assertThat(second.readouts()).extracting(Readouts::number).containsExactly(4L, 5L);
            assertThat(s.queueDepth("a")).isEqualTo(2);
        }
        try (Store s = open(1L << 30)) { // after a restart: the same open batch, same number, same readouts
            s.registerOutputs(List.of("a"));
            PendingBatch again = s.nextBatch("a", MeterFilter.ALL, 3).orElseThrow();
            assertThat(again.sequence()).isEqualTo(2);
            assertThat(again.readouts()).extracting(Readouts::number).containsExactly(4L, 5L);
            s.delivered(again, null);
            assertThat(s.nextBatch("a", MeterFilter.ALL, 3)).isEmpty();
            assertThat(s.queueDepth("a")).isZero();
        }
    }

    @Test
    void aFilteredOutputTakesOnlyItsMeters() throws Exception {
        try (Store s = open(1L << 30)) {
            s.registerOutputs(List.of("odd"));
            for (int i = 1; i <= 6; i++) {
                s.store(null, "in", List.of(Readouts.readout(i % 2 == 1 ? "11111111" : "22222222", i)));
            }
            MeterFilter odd = new MeterFilter(MeterFilter.Kind.IDS, java.util.Set.of("11111111"));
            PendingBatch b = s.nextBatch("odd", odd, 10).orElseThrow();
            assertThat(b.readouts()).extracting(Readouts::number).containsExactly(1L, 3L, 5L);
        }
    }

    @Test
    void theCapDropsTheOldestDeliveredFirstThenTheOldestUndeliveredWithACount() throws Exception {
        long cap = 256 * 1024;
        try (Store s = open(cap)) {
            s.registerOutputs(List.of("a"));
            long n = 0;
            // 300 readouts delivered, then more than the cap undelivered.
            while (n < 300) {
                s.store(null, "in", List.of(Readouts.readout("12345678", ++n)));
            }
            for (Optional<PendingBatch> b = s.nextBatch("a", MeterFilter.ALL, 100); b.isPresent();
                 b = s.nextBatch("a", MeterFilter.ALL, 100)) {
                s.delivered(b.get(), null);
            }
            s.enforceCap();
            assertThat(s.readouts()).hasSize(300); // under the cap: nothing goes
            while (n < 1500) {
                s.store(new StoredTelegram("in", "r", now.get(), OptionalInt.empty(), new byte[200], "decoded", ""), "in",
                        List.of(Readouts.readout("12345678", ++n)));
            }
            s.enforceCap();
            assertThat(s.usedBytes()).isLessThanOrEqualTo(cap);
            List<Long> kept = s.readouts().values().stream().map(Readouts::number).toList();
            assertThat(kept).doesNotContain(1L, 300L); // every delivered one went before …
            assertThat(kept.get(kept.size() - 1)).isEqualTo(1500L); // … the newest stays
            assertThat(kept).isSorted();
            assertThat(kept.get(0)).isGreaterThan(300L); // undelivered went, oldest first
            assertThat(s.droppedUndelivered()).isEqualTo(kept.get(0) - 301);
            assertThat(log).anySatisfy(l -> assertThat(l).contains("dropped the").contains("oldest undelivered readouts"));
            // The queue goes on from the oldest kept one.
            PendingBatch next = s.nextBatch("a", MeterFilter.ALL, 5).orElseThrow();
            assertThat(next.readouts().get(0)).isEqualTo(s.readouts().values().iterator().next());
        }
        assertThat(Files.size(dir.resolve("store.db"))).isLessThan(4 * cap);
    }

    @Test
    void theAgeCapDropsReadoutsOlderThanItDeliveredOrNot() throws Exception {
        try (Store s = Store.open(dir.resolve("store.db"), 1L << 30, Optional.of(Duration.ofDays(30)), clock, events)) {
            s.registerOutputs(List.of("a"));
            s.store(null, "in", List.of(Readouts.readout("12345678", 1)));
            now.set(now.get().plus(Duration.ofDays(31)));
            s.store(null, "in", List.of(Readouts.readout("12345678", 2)));
            s.enforceCap();
            assertThat(s.readouts().values()).extracting(Readouts::number).containsExactly(2L);
        }
    }

    @Test
    void aCorruptFileIsMovedAsideAndAFreshStoreMade() throws Exception {
        Path file = dir.resolve("store.db");
        Files.write(file, "this is not a database, just some text that happens to be here".repeat(100).getBytes());
        try (Store s = open(1L << 30)) {
            s.store(null, "in", List.of(Readouts.readout("12345678", 1)));
            assertThat(s.readouts()).hasSize(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("store.db.corrupt-20260301-"));
        }
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("WARN").contains("damaged").contains("moved aside"));
    }
}
