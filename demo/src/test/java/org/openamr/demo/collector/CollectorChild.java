package org.openamr.demo.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.input.WiredBusInput;

/**
 * A collector in a JVM of its own, for {@link CollectorReliabilityIT} to kill: runs {@link Collector} from the
 * YAML file named by the first argument, as {@code openamr collect --config} does (the cli is not on the demo's
 * classpath). It also reads every wired bus about once a second, so that wired reads happen during the short
 * lives between two kills (a cron schedule fires at most once a minute). Prints {@code STARTED} when running and
 * {@code QUEUE <output> <n>} twice a second, so that the test can see the queue drain without opening the store
 * while this process writes it; {@code drain} on standard input ends its bus reads (it answers {@code DRAINING}).
 * SIGTERM stops it cleanly (the store closed, its WAL merged).
 */
public final class CollectorChild {

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        CollectorSettings settings = new ConfigLoader(OutputTypes.builtIn()).load(Path.of(args[0]));
        Collector c = Collector.open(settings, OutputTypes.builtIn(), clock, EventLog.to(System.err, clock));
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        // "drain" on standard input ends this main's own bus reads, so that the queue can empty for good before
        // the test stops the process (a read after the last "QUEUE … 0" would stay undelivered in the store)
        AtomicBoolean drain = new AtomicBoolean();
        Thread commands = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    if (l.strip().equals("drain")) {
                        drain.set(true);
                    }
                }
            } catch (IOException e) {
                // the test went away: nothing more to obey
            }
        }, "commands");
        commands.setDaemon(true);
        commands.start();
        c.start();
        System.out.println("STARTED");
        System.out.flush();
        long lastRead = 0;
        boolean draining = false;
        while (true) {
            if (!draining && drain.get()) {
                draining = true;
                System.out.println("DRAINING");
            }
            if (!draining && System.nanoTime() - lastRead > 1_000_000_000L) {
                for (WiredBusInput bus : c.buses()) {
                    bus.readAll();
                }
                lastRead = System.nanoTime();
            }
            for (CollectorSettings.OutputSettings o : settings.outputs()) {
                System.out.println("QUEUE " + o.name() + " " + c.store().queueDepth(o.name()));
            }
            System.out.flush();
            Thread.sleep(500);
        }
    }
}
