package org.openamr.bench.collector;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.input.RadioInputRunner;
import org.openamr.collector.input.WiredBusInput;

/**
 * The collector of {@link CollectorBenchmark}, in a JVM of its own as on site: opens the {@link Collector} from
 * the YAML the benchmark wrote, starts it (the radio input replays its file as fast as it reads), reads the wired
 * bus {@code wired-reads} times back to back on this thread (the hourly readouts of a day, without waiting for
 * the hours), waits until the radio input has taken every telegram and every output has confirmed everything,
 * prints its figures as {@code KEY<tab>value} lines on standard output, then waits for a line on standard input
 * before it stops: the benchmark reads the process's CPU time and memory while it is still alive.
 *
 * <pre>java -cp benchmarks.jar org.openamr.bench.collector.CollectorChild CONFIG WIRED_READS RADIO_TELEGRAMS</pre>
 */
public final class CollectorChild {

    private CollectorChild() {
    }

    public static void main(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        int wiredReads = Integer.parseInt(args[1]);
        long radioTelegrams = Long.parseLong(args[2]);
        CollectorSettings settings = new ConfigLoader(OutputTypes.builtIn())
                .parse(Files.readString(config), config.toAbsolutePath().getParent());
        Clock clock = Clock.systemUTC();
        long start = System.nanoTime();
        Collector c = Collector.open(settings, OutputTypes.builtIn(), clock, EventLog.to(System.err, clock));
        c.start();
        // a catch-up run has no bus: only the radio input of an empty replay file, which ends at once
        WiredBusInput bus = c.buses().isEmpty() ? null : c.buses().get(0);
        for (int i = 0; bus != null && i < wiredReads; i++) {
            bus.readAll();
        }
        long wiredDone = System.nanoTime();
        RadioInputRunner radio = c.radios().get(0);
        while (radio.counts().telegrams() < radioTelegrams) {
            Thread.sleep(20);
        }
        long inputsDone = System.nanoTime();
        Map<String, Long> backlog = new java.util.LinkedHashMap<>();
        for (CollectorSettings.OutputSettings o : settings.outputs()) {
            backlog.put(o.name(), c.store().queueDepth(o.name()));
        }
        Map<String, Long> drained = new java.util.LinkedHashMap<>();
        for (boolean pending = true; pending; ) {
            pending = false;
            for (CollectorSettings.OutputSettings o : settings.outputs()) {
                if (drained.containsKey(o.name())) {
                    continue;
                }
                if (c.store().queueDepth(o.name()) == 0) {
                    drained.put(o.name(), System.nanoTime());
                } else {
                    pending = true;
                }
            }
            if (pending) {
                Thread.sleep(20);
            }
        }
        long delivered = System.nanoTime();
        // the figures before the stop: what a running collector costs, not its shutdown
        out("telegrams-stored", c.store().telegramCounts().values().stream().mapToLong(Long::longValue).sum());
        out("telegram-outcomes", c.store().telegramCounts());
        out("radio-telegrams", radio.counts().telegrams());
        out("radio-readouts", radio.counts().readouts());
        out("radio-errors", radio.counts().errors());
        out("wired-telegrams", bus == null ? 0 : bus.counts().telegrams());
        out("wired-readouts", bus == null ? 0 : bus.counts().readouts());
        out("wired-errors", bus == null ? Map.of() : bus.counts().errors());
        out("wired-seconds", seconds(wiredDone - start));
        out("inputs-seconds", seconds(inputsDone - start));
        out("delivered-seconds", seconds(delivered - start));
        backlog.forEach((name, depth) -> out("backlog-at-inputs-end " + name, depth));
        drained.forEach((name, at) -> out("drained-seconds " + name, seconds(at - start)));
        out("store-bytes", c.store().usedBytes());
        out("dropped", c.store().droppedUndelivered());
        Runtime rt = Runtime.getRuntime();
        out("heap-used-mb", (rt.totalMemory() - rt.freeMemory()) >> 20);
        out("heap-committed-mb", rt.totalMemory() >> 20);
        out("heap-max-mb", rt.maxMemory() >> 20);
        System.out.println("READY");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        c.stop();
        System.out.println("STOPPED");
        System.out.flush();
    }

    private static void out(String key, Object value) {
        System.out.println(key + "\t" + value);
        System.out.flush();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
