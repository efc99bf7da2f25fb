package org.openamr.collector;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.openamr.acquisition.radio.RadioReadouts;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.CollectorSettings.Input;
import org.openamr.collector.config.CollectorSettings.OutputSettings;
import org.openamr.collector.config.CollectorSettings.RadioInput;
import org.openamr.collector.config.CollectorSettings.WiredInput;
import org.openamr.collector.delivery.Deliverer;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.collector.output.server.OpenAmrServerOutput;
import org.openamr.collector.delivery.Pause;
import org.openamr.collector.input.RadioInputRunner;
import org.openamr.collector.input.WiredBusInput;
import org.openamr.collector.store.Store;
import org.openamr.collector.web.StatusServer;

/**
 * One running collector: the store, an input thread per bus or receiver, a delivery thread per output.
 * {@link #stop()} ends the inputs, lets deliveries in flight finish and closes the store cleanly.
 */
public final class Collector implements AutoCloseable {

    private final CollectorSettings settings;
    private final Store store;
    private final Map<String, Output> outputs;
    private final Deliverer deliverer;
    private final Pause inputPause = Pause.real();
    private final List<Thread> inputThreads = new ArrayList<>();
    private final List<RadioInputRunner> radios = new ArrayList<>();
    private final List<WiredBusInput> buses = new ArrayList<>();
    private final EventLog log;
    private final RecentLog recent;
    private final Clock clock;
    private volatile StatusServer web;

    private Collector(CollectorSettings settings, Store store, Map<String, Output> outputs, Deliverer deliverer,
                      EventLog log, RecentLog recent, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.outputs = outputs;
        this.deliverer = deliverer;
        this.log = log;
        this.recent = recent;
        this.clock = clock;
    }

    /** Opens the store and makes the outputs; nothing runs before {@link #start()}. */
    public static Collector open(CollectorSettings settings, OutputTypes types, Clock clock, EventLog log)
            throws IOException, SQLException {
        // microseconds, as PostgreSQL keeps times: a reading's time is then the same in the store and at the server
        clock = Clock.tick(clock, Duration.ofNanos(1_000));
        // every line also goes to a small ring that the status page shows
        RecentLog recent = new RecentLog(RECENT_LINES, clock);
        log = log.and(recent);
        Store store = Store.open(settings.store().path(), settings.store().maxBytes(), settings.store().maxAge(), clock, log);
        Map<String, Output> outputs = new LinkedHashMap<>();
        try {
            for (OutputSettings o : settings.outputs()) {
                OutputTypes.Type<?> type = types.find(o.type()).orElseThrow();
                try {
                    outputs.put(o.name(), type.create(o.name(), settings.id(), o.settings()));
                } catch (Exception e) {
                    throw new IOException("output " + o.name() + " (" + o.type() + ") cannot be made: " + e.getMessage(), e);
                }
            }
            store.registerOutputs(outputs.keySet());
            outputs.forEach((name, output) -> {
                if (output instanceof OpenAmrServerOutput server) {
                    // the server shows each collector's backlog on its acquisition page
                    server.queueDepth(() -> {
                        try {
                            return store.queueDepth(name);
                        } catch (SQLException e) {
                            return -1;
                        }
                    });
                }
            });
        } catch (IOException | SQLException | RuntimeException e) {
            outputs.values().forEach(Output::close);
            store.close();
            throw e;
        }
        Deliverer deliverer = new Deliverer(settings.id(), store, settings.outputs(), outputs, clock, settings.zone(),
                Pause.real(), log, new Random());
        Collector c = new Collector(settings, store, outputs, deliverer, log, recent, clock);
        TelegramReadouts telegrams = TelegramReadouts.builtIn();
        for (Input in : settings.inputs()) {
            if (in instanceof WiredInput w) {
                c.buses.add(new WiredBusInput(w, store, telegrams, clock, settings.zone(), c.inputPause, log));
            } else {
                c.radios.add(new RadioInputRunner((RadioInput) in, store, new RadioReadouts(telegrams, settings.zone()), clock,
                        c.inputPause, log));
            }
        }
        return c;
    }

    /** Lines of the log the status page shows. */
    static final int RECENT_LINES = 200;

    public CollectorSettings settings() {
        return settings;
    }

    /** The last log lines, oldest first. */
    public RecentLog recentLog() {
        return recent;
    }

    /** Where the status page listens, once started (port 0 in the file: the port chosen). */
    public Optional<InetSocketAddress> webAddress() {
        StatusServer w = web;
        return w == null ? Optional.empty() : Optional.of(w.address());
    }

    public Store store() {
        return store;
    }

    public List<WiredBusInput> buses() {
        return buses;
    }

    public List<RadioInputRunner> radios() {
        return radios;
    }

    /** Each output's deliveries and last failure, for a status page. */
    public List<org.openamr.collector.delivery.OutputStatus> outputStatus() {
        return deliverer.status();
    }

    public void start() {
        log.info("collector " + settings.id() + ": store " + store.file() + ", " + settings.inputs().size() + " inputs, "
                + settings.outputs().size() + " outputs");
        List<Runnable> runs = new ArrayList<>(buses);
        runs.addAll(radios);
        for (int i = 0; i < runs.size(); i++) {
            Thread t = new Thread(runs.get(i), "openamr-input-" + (i + 1));
            t.setDaemon(true);
            inputThreads.add(t);
            t.start();
        }
        deliverer.start();
        settings.web().ifPresent(w -> {
            try {
                web = StatusServer.start(this, w, clock);
                InetSocketAddress a = web.address();
                log.info("web page at http://" + (a.getAddress() instanceof java.net.Inet6Address
                        ? "[" + a.getHostString() + "]" : a.getHostString()) + ":" + a.getPort() + "/");
            } catch (IOException | RuntimeException e) {
                // the page is for people; collection and delivery go on without it
                log.warn("web page: cannot listen on " + w.bind() + ":" + w.port() + ": " + e.getMessage());
            }
        });
    }

    /** Inputs first (nothing new comes in), then deliveries (those in flight finish), then the store. */
    public void stop() {
        StatusServer w = web;
        if (w != null) { // first: the page must not read a store being closed
            w.stop();
            web = null;
        }
        inputPause.stop();
        radios.forEach(RadioInputRunner::close);
        for (Thread t : inputThreads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        deliverer.stop(Duration.ofSeconds(30));
        outputs.values().forEach(Output::close);
        store.close();
        log.info("collector " + settings.id() + ": stopped");
    }

    @Override
    public void close() {
        stop();
    }
}
