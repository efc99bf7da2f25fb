package org.openamr.collector.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.config.MeterFilter;
import org.openamr.collector.output.file.FileOutput;
import org.openamr.collector.store.Readouts;
import org.openamr.collector.store.Store;
import org.openamr.collector.store.StoredTelegram;
import java.util.OptionalInt;

/**
 * The collector's store and delivery in a JVM of their own, for {@link KillTest} to kill: stores readouts
 * numbered on from the last one in the store, printing {@code STORED n} once each is committed, while a
 * delivery thread writes batches to a folder. With {@code drain} it stores nothing and exits once every
 * readout is delivered.
 */
public final class KillChild {

    public static void main(String[] args) throws Exception {
        Path storeFile = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean drain = args.length > 2 && args[2].equals("drain");
        Clock clock = Clock.systemUTC();
        Store store = Store.open(storeFile, 1L << 30, Optional.empty(), clock, EventLog.to(System.err, clock));
        store.registerOutputs(List.of("files"));
        OutputSettings spec = new OutputSettings("files", "file", Optional.empty(), MeterFilter.ALL, Optional.empty(), 3,
                Duration.ofMillis(50), Duration.ofMillis(200), 7, null);
        Deliverer deliverer = new Deliverer("kill", store, List.of(spec), Map.of("files", new FileOutput("files", "kill", out)),
                clock, ZoneOffset.UTC, Pause.real(), EventLog.to(System.err, clock), new Random());
        deliverer.start();
        if (drain) {
            while (store.queueDepth("files") > 0) {
                Thread.sleep(100);
            }
            deliverer.stop(Duration.ofSeconds(5));
            store.close();
            System.out.println("DRAINED");
            System.out.flush();
            return;
        }
        long n = store.readouts().values().stream().mapToLong(Readouts::number).max().orElse(0);
        while (true) {
            n++;
            byte[] raw = java.nio.ByteBuffer.allocate(Long.BYTES).putLong(n).array();
            store.store(new StoredTelegram("child", "replay:kill", clock.instant(), OptionalInt.of(-70), raw, "decoded", ""),
                    "child", List.of(Readouts.readout("12345678", n)));
            System.out.println("STORED " + n);
            System.out.flush();
            Thread.sleep(3);
        }
    }
}
