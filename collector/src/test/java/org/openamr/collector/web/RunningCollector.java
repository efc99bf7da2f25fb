package org.openamr.collector.web;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openamr.collector.Collector;
import org.openamr.collector.EventLog;
import org.openamr.collector.config.CollectorSettings;
import org.openamr.collector.config.ConfigLoader;
import org.openamr.collector.delivery.OutputTypes;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;

/**
 * A collector with its status page on a free port: a simulated radio fleet in security mode 5 replayed
 * from a file (with a damaged line), delivered to a file output; an FTP and a server output that hold
 * secrets and are scheduled for New Year, so they never connect. Every secret is a distinct word a test
 * looks for in what the page sends.
 */
final class RunningCollector implements AutoCloseable {

    static final String USER = "admin";
    static final String PASSWORD = "web-Secret-9911";
    static final List<String> SECRETS = List.of(PASSWORD, "ftp-Secret-4471", "token-Secret-3390", "url-Secret-5512");

    final Collector collector;
    final RadioFiles.Summary summary;
    final List<String> keyFileLines;
    final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

    RunningCollector(Path dir) throws Exception {
        RadioSource radio = new RadioSource(new RadioSettings(7, 5, RadioSecurity.parse("5"), Duration.ofSeconds(120),
                Duration.ofSeconds(12), Instant.parse("2026-02-01T00:00:00Z"), Duration.ofMinutes(10)));
        Path replay = dir.resolve("radio.txt");
        Path keys = dir.resolve("keys.txt");
        summary = RadioFiles.write(radio, replay, keys, null);
        keyFileLines = Files.readAllLines(keys).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> lines = new ArrayList<>(Files.readAllLines(replay));
        lines.add("this is <b>no</b> telegram"); // damaged, and its text reaches the log the page shows
        Files.write(replay, lines);
        String yaml = """
                collector:
                  id: web-test
                  zone: Europe/Moscow
                  store: {path: store.db, maxSize: 64MB, maxAge: 30d}
                  web: {port: 0, password: %s}
                inputs:
                  - name: air
                    type: radio
                    receiver: replay:%s
                    keys: keys.txt
                outputs:
                  - name: archive
                    type: file
                    settings: {dir: %s}
                  - name: ftp-main
                    type: ftp
                    schedule: "0 0 1 1 *"
                    settings: {host: ftp.example.invalid, user: lenina, password: %s}
                  - name: server
                    type: server
                    schedule: "0 0 1 1 *"
                    backup: archive
                    settings: {url: "https://collector:%s@example.invalid", token: %s}
                """.formatted(PASSWORD, replay, dir.resolve("out"), SECRETS.get(1), SECRETS.get(3), SECRETS.get(2));
        CollectorSettings settings = new ConfigLoader(OutputTypes.builtIn()).parse(yaml, dir);
        collector = Collector.open(settings, OutputTypes.builtIn(), Clock.systemUTC(), (level, text) -> {
            synchronized (log) {
                log.add(level + " " + text);
            }
        });
        collector.start();
        // the replay ends: wait until every line is stored and the archive has delivered it all
        long expected = summary.telegrams() + 1;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && (total(collector.store().telegramCounts()) < expected
                || collector.store().queueDepth("archive") > 0 || collector.outputStatus().get(0).delivered() == 0)) {
            Thread.sleep(50);
        }
        if (total(collector.store().telegramCounts()) < expected) {
            throw new AssertionError("the replay was not stored in time: " + collector.store().telegramCounts());
        }
    }

    String base() {
        InetSocketAddress a = collector.webAddress().orElseThrow(() -> new AssertionError("no web page: " + log));
        return "http://127.0.0.1:" + a.getPort();
    }

    static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        collector.stop();
    }
}
