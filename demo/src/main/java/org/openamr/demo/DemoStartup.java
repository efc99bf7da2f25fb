package org.openamr.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.openamr.server.database.EmbeddedDatabase;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.radio.RadioMeter;
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

    /**
     * UTF-8 whatever the platform's charset: the banner is half Russian. On standard error when the log is JSON lines
     * ({@code openamr demo --log-format json}), so that standard output holds nothing else.
     */
    private final PrintStream out;

    private final DemoProperties settings;
    private final DemoBuilding building;
    private final DemoBus bus;
    private final DemoRegistry registry;
    private final DemoBackfill backfill;
    private final ObjectProvider<EmbeddedDatabase> embedded;
    private final Environment environment;
    /** Null when the demo has no radio building ({@code openamr.demo.radio-meters=0}). */
    private final DemoRadioBuilding radio;
    private volatile DemoRegistry.Site site;
    private volatile DemoRegistry.RadioSite radioSite;
    private volatile DemoBackfill.Result radioHistory;
    private volatile DemoCollector collector;
    private volatile DemoBackfill.Result history;
    private volatile String banner;
    private volatile boolean stopping;

    DemoStartup(DemoProperties settings, DemoBuilding building, DemoBus bus, DemoRegistry registry,
            DemoBackfill backfill, ObjectProvider<EmbeddedDatabase> embedded, Environment environment,
            DemoRadioBuilding radio) {
        this.settings = settings;
        this.building = building;
        this.bus = bus;
        this.registry = registry;
        this.backfill = backfill;
        this.embedded = embedded;
        this.environment = environment;
        this.radio = radio;
        this.out = new PrintStream(new FileOutputStream(environment.containsProperty("logging.structured.format.console")
                ? FileDescriptor.err : FileDescriptor.out), true, StandardCharsets.UTF_8);
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        site = registry.seed(building, bus.bus(), bus.channelAddress());
        // before the scheduler's first poll, and counted from the first seeding so that a restart continues them
        bus.apply(DemoFaults.of(building, site.seededAt()));
        // the time says what a first start spends on the registry (the README quotes it)
        double took = (System.nanoTime() - start) / 1e9;
        out.println(site.created()
                ? String.format(Locale.ROOT, "OpenAMR demo: дом заведён в реестр за %.2f с / building seeded into the"
                        + " registry in %.2f s", took, took)
                : "OpenAMR demo: дом уже в реестре, данные сохранены / building already seeded, data kept");
        if (radio != null) {
            radioSite = registry.seedRadio(radio, site);
            if (radioSite.created()) {
                out.println("OpenAMR demo: радиодом заведён в реестр / radio building seeded into the registry");
            }
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        List<VirtualMeter> meters = bus.meters();
        VirtualMeter houseHeat = meters.stream().filter(m -> m.id().equals(building.houseHeat().meterId()))
                .findFirst().orElseThrow();
        out.println("OpenAMR demo: заполняю историю показаний / backfilling the reading history…");
        try {
            history = backfill.run(meters, bus.silentSince(), houseHeat, site.channelId(), Instant.now(), settings,
                    done -> out.printf("  %d/%d %s / meters%n", done, meters.size(), DemoBanner.meterWord(meters.size())),
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
        if (radio != null && !radioBackfill()) {
            return;
        }
        out.println(history.moments() == 0
                ? "OpenAMR demo: история уже заполнена / the history is complete"
                : String.format(Locale.ROOT, "OpenAMR demo: %d показаний записано за %.1f с / %d readings written"
                        + " in %.1f s", history.inserted(), seconds(history.took()), history.inserted(),
                        seconds(history.took())));
        Path data = embedded.getIfAvailable() == null ? null : embedded.getObject().dataDirectory();
        YearMonth month = YearMonth.now(DemoBuilding.ZONE);
        String port = environment.getProperty("local.server.port", "8080");
        String url = "http://localhost:" + port;
        if (radio != null) {
            // the demo listens on loopback only: the collector on the same box reaches it there
            collector = DemoCollector.start(radio, collectorDirectory(data), "http://127.0.0.1:" + port,
                    radioSite.token());
        }
        banner = new DemoBanner(url, data, bus.channelAddress(), building.apartments().size(), building.meterCount(),
                settings, site.logins(), site.buildingPublicId(), month,
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()),
                collector == null ? null : new DemoBanner.Radio(radio.apartments().size(), radio.registered().size(),
                        radio.unassigned().size(), collector.webUrl(), collector.configFile()),
                bus.faults().orElse(null)).text();
        out.print(banner);
        out.flush();
    }

    /**
     * The radio building's history, as the wired one's: its registered meters' telegrams at every midnight and hour
     * of the plan, on its collector channel. False when stopped meanwhile.
     */
    private boolean radioBackfill() {
        Optional<RadioMeter> marker = radio.backfillMarker();
        if (marker.isEmpty()) {
            return true;
        }
        List<VirtualMeter> meters = radio.registered().stream().map(RadioMeter::meter).toList();
        out.println("OpenAMR demo: история радиодома / the radio building's history…");
        try {
            radioHistory = backfill.run(meters, Map.of(), marker.get().meter(), radioSite.channelId(), Instant.now(),
                    settings, done -> { }, () -> stopping);
        } catch (RuntimeException e) {
            if (stopping) {
                return false;
            }
            throw e;
        }
        return !stopping;
    }

    /**
     * Beside the embedded database's data ({@code <data-dir>/collector} next to {@code <data-dir>/pgdata}), so that
     * the collector's store lasts as long as the server's data; a new temporary directory on an external database.
     */
    private static Path collectorDirectory(Path databaseData) {
        if (databaseData != null) {
            return databaseData.resolveSibling("collector");
        }
        try {
            return Files.createTempDirectory("openamr-demo-collector");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a directory for the demo's collector: " + e.getMessage(), e);
        }
    }

    /**
     * Runs when the context closes (Ctrl-C), before the virtual bus and the database stop; the collector stops here,
     * its store closed cleanly (what it has not delivered goes at the next start).
     */
    @Override
    public void destroy() {
        stopping = true;
        out.println("OpenAMR demo: останавливаюсь / stopping…");
        DemoCollector c = collector;
        if (c != null) {
            c.close();
            collector = null;
        }
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

    /** The radio building; null without one. */
    DemoRadioBuilding radio() {
        return radio;
    }

    /** The radio building's registry side of this start; null without a radio building. */
    DemoRegistry.RadioSite radioSite() {
        return radioSite;
    }

    /** What the radio building's backfill wrote; null before it ran or without a radio building. */
    DemoBackfill.Result radioHistory() {
        return radioHistory;
    }

    /** The running collector; null before the demo is ready, after it stopped, or without a radio building. */
    DemoCollector collector() {
        return collector;
    }

    /** The banner of this start; null until the demo is ready. */
    public String banner() {
        return banner;
    }
}
