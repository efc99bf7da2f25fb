package org.openamr.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.ConfigException;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.simulator.radio.RadioKeys;
import org.openamr.simulator.radio.RadioTcpServer;
import org.openamr.simulator.radio.TelegramLineFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's collector on site at the radio building: the simulator's radio ({@code openamr simulate radio}, served
 * over TCP as rtl_wmbus prints it, in real time) heard by a {@link Collector} that runs from a configuration file
 * like any other — written into its directory on every start, with the server's address and this start's channel
 * token — and pushes to the demo server as a CONCENTRATOR channel's collector does. Its store stays in that
 * directory between starts; its status page listens on a free loopback port.
 */
public final class DemoCollector implements AutoCloseable {

    public static final String ID = "demo-collector";
    /** The status page's account: fixed and printed, as the demo's are. */
    public static final String WEB_USER = "admin";
    public static final String WEB_PASSWORD = "collector-demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoCollector.class);

    private final RadioTcpServer radio;
    private final Collector collector;
    private final Path config;

    private DemoCollector(RadioTcpServer radio, Collector collector, Path config) {
        this.radio = radio;
        this.collector = collector;
        this.config = config;
    }

    /**
     * Starts the radio and the collector listening to it.
     *
     * @param dir       the collector's directory: its configuration, keys file and store
     * @param serverUrl the demo server's base URL
     * @param token     the push token of the radio building's collector channel
     */
    public static DemoCollector start(DemoRadioBuilding building, Path dir, String serverUrl, String token) {
        RadioTcpServer radio = null;
        try {
            Files.createDirectories(dir);
            radio = RadioTcpServer.start(building.radio(Instant.now()),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), TelegramLineFormat.RTL_WMBUS, 1);
            // the installer's keys file: one key per meter, the unassigned meters' too (heard and decoded)
            RadioKeys.write(dir.resolve("keys.txt"), building.meters());
            Path config = dir.resolve("collector.yaml");
            Files.writeString(config, configuration(radio.port(), serverUrl, token), StandardCharsets.UTF_8);
            OutputTypes types = OutputTypes.builtIn();
            Collector collector = Collector.open(new ConfigLoader(types).load(config), types, Clock.systemUTC(),
                    DemoCollector::log);
            collector.start();
            return new DemoCollector(radio, collector, config);
        } catch (IOException | SQLException | ConfigException e) {
            IllegalStateException failure = new IllegalStateException("cannot start the demo's collector in " + dir
                    + ": " + e.getMessage(), e);
            try {
                stop(radio);
            } catch (UncheckedIOException notStopped) {
                failure.addSuppressed(notStopped);
            }
            throw failure;
        }
    }

    /**
     * The configuration as an installer writes it (the README's example, shortened): the radio input with its
     * keys file, the server output, the status page on loopback.
     */
    static String configuration(int radioPort, String serverUrl, String token) {
        return """
                # Written by openamr demo on every start (the server's port and the channel token change);
                # the same file runs as: openamr collect --config collector.yaml
                collector:
                  id: %s
                  zone: Europe/Moscow
                  store:
                    path: store.db
                    maxSize: 256MB
                  web:
                    bind: 127.0.0.1
                    port: 0
                    user: %s
                    password: %s
                inputs:
                  - name: radio
                    type: radio
                    receiver: rtl-wmbus:tcp:127.0.0.1:%d
                    keys: keys.txt
                    meters: all
                outputs:
                  - name: server
                    type: server
                    settings:
                      url: "%s"
                      token: "%s"
                """.formatted(ID, WEB_USER, WEB_PASSWORD, radioPort, serverUrl, token);
    }

    /** The collector's lines into the demo's log: warnings show, the rest at the demo's default level does not. */
    private static void log(String level, String text) {
        if (level.equals("WARN")) {
            LOG.warn(text);
        } else {
            LOG.info(text);
        }
    }

    public Collector collector() {
        return collector;
    }

    public Path configFile() {
        return config;
    }

    /** The status page, e.g. {@code http://127.0.0.1:40123/}; empty if it could not listen. */
    public String webUrl() {
        return collector.webAddress().map(a -> "http://127.0.0.1:" + a.getPort() + "/").orElse("");
    }

    /** The radio stops first, then the collector delivers what is in flight and closes its store. */
    @Override
    public void close() {
        stop(radio);
        collector.stop();
    }

    private static void stop(RadioTcpServer radio) {
        if (radio == null) {
            return;
        }
        try {
            radio.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the demo's radio: " + e.getMessage(), e);
        }
    }
}
