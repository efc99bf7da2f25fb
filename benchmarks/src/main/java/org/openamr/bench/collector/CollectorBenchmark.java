package org.openamr.bench.collector;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.readout.ReadoutJson;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.ingest.ConcentratorTokens;
import org.openamr.simulator.bus.VirtualBus;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.radio.RadioFiles;
import org.openamr.simulator.radio.RadioSecurity;
import org.openamr.simulator.radio.RadioSettings;
import org.openamr.simulator.radio.RadioSource;
import org.openamr.simulator.serve.Pacing;
import org.openamr.simulator.serve.TcpBusServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The on-site collector under a day of a building's meters (not a test; figures in benchmarks/README.md,
 * "Collector"). Prepares, in the benchmark's JVM:
 * <ul>
 * <li>a day of radio telegrams of {@code radio} meters (security mode 5, each with its own key), one every
 * {@code interval} per meter ± a tenth, from midnight UTC yesterday (inside the server's window), written as
 * a replay file with its keys file by the simulator ({@code openamr simulate radio} does the same);</li>
 * <li>a virtual bus of {@code wired} meters at 2400 Bd behind a TCP gateway (unpaced: the bus answers as fast as
 * the master asks, so that a read does not wait for 2400 Bd);</li>
 * <li>the real server (embedded PostgreSQL) with a CONCENTRATOR channel and its push token.</li>
 * </ul>
 * Then it runs the collector in a JVM of its own ({@link CollectorChild}, the class path of this one), with a
 * file output and a server output, which replays the day as fast as it can store it and reads the bus
 * {@code wired-reads} times back to back (a day of hourly reads, compressed). It samples the child's
 * {@code VmRSS} every 100 ms and reads its CPU time and {@code VmHWM} once everything is delivered, then
 * checks: readouts received = readouts in the file output = readouts the server's batches carried, none twice,
 * and the register values delivered = those the server stored new + found already stored.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.collector.CollectorBenchmark \
 *     [radio=500] [interval=240s] [hours=24] [wired=250] [wired-reads=24] [xmx=] [batch=500] [push=live|catch-up] \
 *     [jvm=-XX:+UseSerialGC,-Xss256k]</pre>
 *
 * <p>{@code jvm} adds options to the collector's JVM (comma-separated); {@code cp} gives it another class path
 * than this jar's (which holds the server and Spring too, 200 MB whose zip index the collector would carry): the
 * collector's own jars and {@code benchmarks/target/classes}, as a deployment has them.
 *
 * <p>{@code push=catch-up} measures the push rate alone: a first collector run has the inputs and the file output
 * only; a second one, on the same store, has the server output only (and an empty replay file as its input), so
 * that it pushes the whole day's backlog as a collector does after an outage.
 */
public final class CollectorBenchmark {

    private CollectorBenchmark() {
    }

    /** @param catchUp the server output only after the inputs: one run stores, a second one pushes the backlog */
    record Settings(int radio, Duration interval, int hours, int wired, int wiredReads, String xmx, int batch,
                    boolean catchUp, List<String> jvm, String classPath) {

        static Settings of(String[] args) {
            Map<String, String> a = new LinkedHashMap<>(Map.of("radio", "500", "interval", "240s", "hours", "24",
                    "wired", "250", "wired-reads", "24", "xmx", "", "batch", "500", "push", "live"));
            a.put("jvm", "");
            a.put("cp", "");
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                if (kv.length != 2 || !a.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
                }
                a.put(kv[0], kv[1]);
            }
            String iv = a.get("interval");
            if (!iv.endsWith("s")) {
                throw new IllegalArgumentException("interval in seconds, e.g. 240s");
            }
            return new Settings(Integer.parseInt(a.get("radio")),
                    Duration.ofSeconds(Long.parseLong(iv.substring(0, iv.length() - 1))), Integer.parseInt(a.get("hours")),
                    Integer.parseInt(a.get("wired")), Integer.parseInt(a.get("wired-reads")), a.get("xmx"),
                    Integer.parseInt(a.get("batch")), a.get("push").equals("catch-up"),
                    a.get("jvm").isEmpty() ? List.of() : List.of(a.get("jvm").split(",")),
                    a.get("cp").isEmpty() ? System.getProperty("java.class.path") : a.get("cp"));
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.of(args);
        Path home = Files.createTempDirectory("openamr-collector-bench");
        System.out.printf(Locale.ROOT, "OpenAMR collector benchmark, %s, Java %s, %d cores, load average %s%n",
                Instant.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load());
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrServer.class)
                .run("--server.port=0", "--openamr.data-dir=" + home.resolve("server"), "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.org.openamr=WARN",
                        "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                        "--openamr.demo.enabled=false", "--openamr.polling.enabled=false");
        try {
            run(s, server, home);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Settings s, ConfigurableApplicationContext server, Path home) throws Exception {
        int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        long channel = jdbc.sql("insert into acquisition_channel (kind, name) values ('CONCENTRATOR', ?) returning id")
                .param("bench collector").query(Long.class).single();
        String token = server.getBean(ConcentratorTokens.class).issue(channel);

        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Path replay = home.resolve("radio.txt");
        Path keys = home.resolve("keys.txt");
        long t = System.nanoTime();
        RadioFiles.Summary radio = RadioFiles.write(new RadioSource(new RadioSettings(11, s.radio(), RadioSecurity.parse("5"),
                s.interval(), RadioSettings.defaultJitter(s.interval()), day, Duration.ofHours(s.hours()))), replay, keys,
                null);
        System.out.printf(Locale.ROOT, "radio: %d meters, mode 5, every %ds ± %ds, %d h from %s: %,d telegrams "
                        + "(%,d bytes of replay file, written in %.1f s)%n", s.radio(), s.interval().toSeconds(),
                RadioSettings.defaultJitter(s.interval()).toSeconds(), s.hours(), day, radio.telegrams(), Files.size(replay),
                (System.nanoTime() - t) / 1e9);

        VirtualBus bus = VirtualBus.builder().seed(12).clock(Clock.systemUTC()).zone(ZoneOffset.UTC).baud(2400)
                .demo(s.wired()).build();
        List<Integer> primaries = bus.meters().stream().map(VirtualMeter::primaryAddress).toList();
        Path out = home.resolve("archive");
        try (TcpBusServer gateway = TcpBusServer.start(bus, 0, Pacing.unpaced())) {
            Path config = home.resolve("collector.yaml");
            String serverOutput = """
                      - name: server
                        type: server
                        batchSize: %d
                        settings: {url: "http://127.0.0.1:%d", token: "%s", timeoutSeconds: 60}
                    """.formatted(s.batch(), port, token);
            Files.writeString(config, """
                    collector:
                      id: bench
                      zone: UTC
                      store: {path: store.db}
                    inputs:
                      - name: bus
                        type: mbus
                        address: tcp://127.0.0.1:%d?baud=2400
                        addresses: %s
                        schedule: "0 0 1 1 *"      # never in the run: the benchmark reads the bus itself
                      - name: air
                        type: radio
                        receiver: replay:%s
                        keys: %s
                    outputs:
                      - name: archive
                        type: file
                        batchSize: %d
                        settings: {dir: %s}
                    """.formatted(gateway.port(), primaries, replay, keys, s.batch(), out) + (s.catchUp() ? "" : serverOutput));
            Path catchUp = home.resolve("catch-up.yaml");
            Path empty = home.resolve("empty.txt");
            Files.writeString(empty, "");
            Files.writeString(catchUp, """
                    collector:
                      id: bench
                      zone: UTC
                      store: {path: store.db}
                    inputs:
                      - name: air
                        type: radio
                        receiver: replay:%s
                    outputs:
                    """.formatted(empty) + serverOutput);
            System.out.printf(Locale.ROOT, "wired: %d meters on one bus (TCP gateway, unpaced), read %d times back "
                    + "to back%n", s.wired(), s.wiredReads());
            Run first = child(s, config, s.wiredReads(), radio.telegrams(), home.resolve("collector.log"));
            Run second = s.catchUp() ? child(s, catchUp, 0, 0, home.resolve("catch-up.log")) : null;
            report(s, first, second, jdbc, channel, out);
        }
    }

    /** One collector JVM: its figures, CPU time and memory taken while it was still running, and its log. */
    record Run(Map<String, String> figures, Duration cpu, long hwmKb, long maxRssKb, long rssEndKb, String loadBefore,
               String loadAfter, int exit, Path log) {

        double seconds(String figure) {
            return Double.parseDouble(figures.get(figure));
        }
    }

    private static Run child(Settings s, Path config, int wiredReads, long radioTelegrams, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (!s.xmx().isEmpty()) {
            command.add("-Xmx" + s.xmx());
        }
        command.addAll(s.jvm());
        command.addAll(List.of("-cp", s.classPath(), CollectorChild.class.getName(),
                config.toString(), Integer.toString(wiredReads), Long.toString(radioTelegrams)));
        String loadBefore = load();
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        long pid = p.pid();
        AtomicLong maxRss = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (p.isAlive()) {
                long rss = statusKb(pid, "VmRSS:");
                maxRss.accumulateAndGet(rss, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Map<String, String> figures = new LinkedHashMap<>();
        BufferedReader childOut = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = childOut.readLine(); line != null && !line.equals("READY"); line = childOut.readLine()) {
            String[] kv = line.split("\t", 2);
            figures.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        if (!p.isAlive()) {
            throw new IllegalStateException("the collector ended early; its log: " + log + "\n"
                    + String.join("\n", tail(log, 30)));
        }
        Duration cpu = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElseThrow();
        long hwm = statusKb(pid, "VmHWM:");
        long rssEnd = statusKb(pid, "VmRSS:");
        String loadAfter = load();
        try (OutputStream in = p.getOutputStream()) {
            in.write("stop\n".getBytes(StandardCharsets.UTF_8));
        }
        for (String line = childOut.readLine(); line != null; line = childOut.readLine()) {
            // STOPPED
        }
        int exit = p.waitFor();
        System.out.printf(Locale.ROOT, "%s:%n", config.getFileName());
        figures.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-32s %s%n", k, v));
        return new Run(figures, cpu, hwm, maxRss.get(), rssEnd, loadBefore, loadAfter, exit, log);
    }

    private static void report(Settings s, Run first, Run second, JdbcClient jdbc, long channel, Path out)
            throws Exception {
        Run pushing = second == null ? first : second;
        Path log = pushing.log();
        Map<String, String> figures = first.figures();

        // what the outputs got
        long fileReadouts = 0;
        long fileValues = 0;
        long fileBatches = 0;
        Set<String> seen = new HashSet<>();
        long duplicates = 0;
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Batch b = ReadoutJson.readBatch(Files.readString(f));
                fileBatches++;
                for (MeterReadout r : b.readouts()) {
                    fileReadouts++;
                    fileValues += r.values().size();
                    if (!seen.add(r.meter().serial() + "|" + r.meter().manufacturer().orElse("") + "|" + r.readAt())) {
                        duplicates++;
                    }
                }
            }
        }
        // the readouts the server confirmed, from the collector's log ("output server: batch 3 delivered, 222 readouts")
        long serverReadouts = 0;
        java.util.regex.Pattern confirmed = java.util.regex.Pattern.compile("output server: batch \\d+ delivered, (\\d+) readouts");
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = confirmed.matcher(line);
            if (m.find()) {
                serverReadouts += Long.parseLong(m.group(1));
            }
        }
        long readings = jdbc.sql("select count(*) from reading").query(Long.class).single();
        record Pushes(long pushes, long fresh, long known, long conflicting, long rejected, double seconds) {
        }
        Pushes pushes = jdbc.sql("""
                select count(*), coalesce(sum(readings_new), 0), coalesce(sum(readings_duplicate), 0),
                       coalesce(sum(readings_conflicting), 0), coalesce(sum(rejected), 0),
                       coalesce(extract(epoch from max(received_at) - min(received_at)), 0)
                from ingest_push where channel_id = ?""").param(channel)
                .query((rs, n) -> new Pushes(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getDouble(6)))
                .single();
        long serverBatches = jdbc.sql("select count(*) from ingest_batch where channel_id = ?").param(channel)
                .query(Long.class).single();

        long received = Long.parseLong(figures.get("radio-readouts")) + Long.parseLong(figures.get("wired-readouts"));
        double delivered = pushing.seconds("drained-seconds server");
        double cpuSeconds = (first.cpu().toNanos() + (second == null ? 0 : second.cpu().toNanos())) / 1e9;
        long hwm = Math.max(first.hwmKb(), second == null ? 0 : second.hwmKb());
        long maxRss = Math.max(first.maxRssKb(), second == null ? 0 : second.maxRssKb());
        long rssEnd = first.rssEndKb();
        System.out.printf(Locale.ROOT, "%ncollector JVM: %s, exit %d after the stop; push %s%n",
(s.xmx().isEmpty() ? "default heap" : "-Xmx" + s.xmx()) + (s.jvm().isEmpty() ? "" : " " + s.jvm()),
                pushing.exit(),
                second == null ? "live (both outputs during the inputs)" : "catch-up (a second run pushes the stored day)");
        System.out.printf(Locale.ROOT, "load average before %s, at the end %s%n", first.loadBefore(), pushing.loadAfter());
        if (second != null) {
            System.out.printf(Locale.ROOT, "%-46s %15.1f / %.1f%n", "CPU s: storing run / pushing run",
                    first.cpu().toNanos() / 1e9, second.cpu().toNanos() / 1e9);
            System.out.printf(Locale.ROOT, "%-46s %,15d / %,d%n", "VmHWM MB: storing run / pushing run",
                    first.hwmKb() >> 10, second.hwmKb() >> 10);
        }
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "readouts received (radio + wired)", received);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "readouts in the file output", fileReadouts);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "  of them twice (meter, read time)", duplicates);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "readouts the server confirmed", serverReadouts);
        System.out.printf(Locale.ROOT, "%-46s %,15d / %,d%n", "batches: file / server (ingest_batch)", fileBatches,
                serverBatches);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "register values delivered (file output)", fileValues);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "server: values new + same + conflicting + rej.",
                pushes.fresh() + pushes.known() + pushes.conflicting() + pushes.rejected());
        System.out.printf(Locale.ROOT, "%-46s %,15d / %,d / %,d / %,d%n", "server: new / same / conflicting / rejected",
                pushes.fresh(), pushes.known(), pushes.conflicting(), pushes.rejected());
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "server: rows in reading", readings);
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", "wall s: inputs done", Double.parseDouble(figures.get("inputs-seconds")));
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", second == null ? "wall s: everything confirmed by the server"
                : "wall s: catch-up run, backlog confirmed", delivered);
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", "CPU s of the collector (user + system)", cpuSeconds);
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", "CPU ms per readout stored and pushed", cpuSeconds * 1000 / received);
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", "CPU µs per register value", cpuSeconds * 1e6 / fileValues);
        System.out.printf(Locale.ROOT, "%-46s %,15.0f%n", "push: server rows / s (start to last confirm)", readings / delivered);
        System.out.printf(Locale.ROOT, "%-46s %,15.0f%n", "push: values sent / s (start to last confirm)", fileValues / delivered);
        System.out.printf(Locale.ROOT, "%-46s %,15.0f%n", "push: readouts / s (start to last confirm)", received / delivered);
        System.out.printf(Locale.ROOT, "%-46s %15.1f%n", "push: first to last push on the server, s", pushes.seconds());
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "peak RSS sampled (VmRSS), MB", maxRss >> 10);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "VmHWM (kernel's peak RSS), MB", hwm >> 10);
        System.out.printf(Locale.ROOT, "%-46s %,15d%n", "RSS at the end, MB", rssEnd >> 10);
        // values: the server's new + already-stored count is compared, not required equal (see the README)
        boolean ok = received == fileReadouts && duplicates == 0 && serverReadouts == received
                && pushes.rejected() == 0 && readings == pushes.fresh() && Long.parseLong(figures.get("dropped")) == 0;
        System.out.println(ok ? "CHECK OK: readouts received = delivered to the file and confirmed by the server, none twice, none rejected"
                : "CHECK FAILED: see the figures above; collector log " + log);
        if (!ok) {
            tail(log, 20).forEach(System.out::println);
        }
    }

    /** A {@code /proc/PID/status} field in kB; 0 when the process is gone. */
    private static long statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static List<String> tail(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}
