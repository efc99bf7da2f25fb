package org.openamr.demo.collector;

import java.nio.file.Path;
import java.time.Clock;
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
 * while this process writes it. SIGTERM stops it cleanly (the store closed, its WAL merged).
 */
public final class CollectorChild {

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        CollectorSettings settings = new ConfigLoader(OutputTypes.builtIn()).load(Path.of(args[0]));
        Collector c = Collector.open(settings, OutputTypes.builtIn(), clock, EventLog.to(System.err, clock));
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
        c.start();
        System.out.println("STARTED");
        System.out.flush();
        long lastRead = 0;
        while (true) {
            if (System.nanoTime() - lastRead > 1_000_000_000L) {
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
