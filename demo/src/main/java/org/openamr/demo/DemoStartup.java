package org.openamr.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.openamr.server.database.EmbeddedDatabase;
import org.openamr.simulator.meter.VirtualMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;

/**
 * Brings the demo up in two steps. The registry (building, channel with the bus's new port,
 * accounts, tokens) is seeded once all beans exist but before the web server and the scheduler
 * start, so that the first scheduled poll already finds the channel at its current address. The
 * history is backfilled once the server answers, then the banner says the demo is ready.
 */
public final class DemoStartup implements SmartInitializingSingleton, ApplicationRunner, DisposableBean {

    /** UTF-8 whatever the platform's charset: the banner is half Russian. */
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    private final DemoProperties settings;
    private final DemoBuilding building;
    private final DemoBus bus;
    private final DemoRegistry registry;
    private final DemoBackfill backfill;
    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final Environment environment;
    private volatile DemoRegistry.Site site;
    private volatile DemoBackfill.Result history;
    private volatile String banner;
    private volatile boolean stopping;

    DemoStartup(DemoProperties settings, DemoBuilding building, DemoBus bus, DemoRegistry registry,
            DemoBackfill backfill, ObjectProvider<EmbeddedDatabase> embedded, Environment environment) {
        this.settings = settings;
        this.building = building;
        this.bus = bus;
        this.registry = registry;
        this.backfill = backfill;
        this.embedded = embedded;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        site = registry.seed(building, bus.bus(), bus.channelAddress());
        // the time says what a first start spends on the registry (the README quotes it)
        double took = (System.nanoTime() - start) / 1e9;
        OUT.println(site.created()
                ? String.format(Locale.ROOT, "OpenAMR demo: дом заведён в реестр за %.2f с / building seeded into the"
                        + " registry in %.2f s", took, took)
                : "OpenAMR demo: дом уже в реестре, данные сохранены / building already seeded, data kept");
    }

    @Override
    public void run(ApplicationArguments args) {
        List<VirtualMeter> meters = bus.bus().meters();
        VirtualMeter houseHeat = meters.stream().filter(m -> m.id().equals(building.houseHeat().meterId()))
                .findFirst().orElseThrow();
        OUT.println("OpenAMR demo: заполняю историю показаний / backfilling the reading history…");
        try {
            history = backfill.run(meters, houseHeat, site.channelId(), Instant.now(), settings,
                    done -> OUT.printf("  %d/%d %s / meters%n", done, meters.size(), DemoBanner.meterWord(meters.size())),
                    () -> stopping);
        } catch (RuntimeException e) {
            if (stopping) {
                // Ctrl-C while backfilling: the database is going away; the next start redoes the backfill
                return;
            }
            throw e;
        }
        if (stopping) {
            return;
        }
        OUT.println(history.moments() == 0
                ? "OpenAMR demo: история уже заполнена / the history is complete"
                : String.format(Locale.ROOT, "OpenAMR demo: %d показаний записано за %.1f с / %d readings written"
                        + " in %.1f s", history.inserted(), seconds(history.took()), history.inserted(),
                        seconds(history.took())));
        Path data = embedded.getIfAvailable() == null ? null : embedded.getObject().dataDirectory();
        YearMonth month = YearMonth.now(DemoBuilding.ZONE);
        String url = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        banner = new DemoBanner(url, data, bus.channelAddress(), building.apartments().size(), building.meterCount(),
                settings, site.logins(), site.buildingPublicId(), month,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime())).text();
        OUT.print(banner);
        OUT.flush();
    }

    /** Runs when the context closes (Ctrl-C), before the virtual bus and the database stop. */
    @Override
    public void destroy() {
        stopping = true;
        OUT.println("OpenAMR demo: останавливаюсь / stopping…");
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** The registry side of this start: ids, whether it seeded, the accounts with their tokens. */
    DemoRegistry.Site site() {
        return site;
    }

    /** What the backfill of this start wrote; null before it ran. */
    DemoBackfill.Result history() {
        return history;
    }

    /** The banner of this start; null until the demo is ready. */
    public String banner() {
        return banner;
    }
}
