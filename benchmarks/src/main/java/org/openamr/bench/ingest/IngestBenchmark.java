package org.openamr.bench.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.ingest.ConcentratorTokens;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concentrator ingest against PostgreSQL's own bulk load (not a test; figures in benchmarks/README.md).
 * Starts the real server (embedded PostgreSQL in a temporary directory, random port), gives each client
 * thread a concentrator channel of its own with its own meters (nothing pre-registered: the first
 * push of a meter registers it), and per round:
 * <ol>
 * <li>empties {@code reading} (meters and registers stay), then every thread POSTs its pushes over
 * HTTP — each one day of 15-minute values of all its meters, a day no earlier round used — and the
 * rate is the readings stored divided by the wall time from the first request to the last answer;</li>
 * <li>copies exactly the rows that round stored (same register ids, times, values, source, channel)
 * out into memory, empties {@code reading} again and loads them back with {@code COPY … FROM STDIN}
 * (PgJDBC CopyManager), one COPY per push on as many threads as there were clients, each in its own
 * transaction as each push is.</li>
 * </ol>
 * Both start from an empty table with the same partitions, so neither pays for the other's index.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.ingest.IngestBenchmark \
 *     [meters=200] [registers=3] [pushes=6] [threads=3] [rounds=5] [warmup=3] [format=xml|json] [irregular-steps=on|off]</pre>
 */
public final class IngestBenchmark {

    private static final Instant FIRST_DAY = Instant.parse("2026-01-01T00:00:00Z");
    private static final Pattern NEW = Pattern.compile("\"readingsNew\":(\\d+)");
    private static final Pattern REJECTED = Pattern.compile("\"rejected\":(\\d+)");

    private IngestBenchmark() {
    }

    /**
     * @param irregularSteps whether the trigger noting irregular steps on {@code reading} stays on (it does in the
     *                       server; "off" measures what it costs, on both sides)
     */
    record Settings(int meters, int registers, int pushes, int threads, int rounds, int warmup, String format,
                    boolean irregularSteps) {

        static Settings of(String[] args) {
            Map<String, String> a = new LinkedHashMap<>(Map.of("meters", "200", "registers", "3", "pushes", "6",
                    "threads", "3", "rounds", "5", "warmup", "3", "format", "xml", "irregular-steps", "on"));
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                if (kv.length != 2 || !a.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
                }
                a.put(kv[0], kv[1]);
            }
            Settings s = new Settings(Integer.parseInt(a.get("meters")), Integer.parseInt(a.get("registers")),
                    Integer.parseInt(a.get("pushes")), Integer.parseInt(a.get("threads")),
                    Integer.parseInt(a.get("rounds")), Integer.parseInt(a.get("warmup")), a.get("format"),
                    !a.get("irregular-steps").equals("off"));
            if (s.registers() < 1 || s.registers() > PushBodies.REGISTERS.size()) {
                throw new IllegalArgumentException("registers must be 1…" + PushBodies.REGISTERS.size());
            }
            if (!s.format().equals("xml") && !s.format().equals("json")) {
                throw new IllegalArgumentException("format must be xml or json");
            }
            return s;
        }

        int valuesPerPush() {
            return meters * registers * PushBodies.VALUES_PER_DAY;
        }
    }

    record Client(int number, String token) {
    }

    record Round(long readings, Duration ingest, Duration copy) {

        double ingestRate() {
            return readings / seconds(ingest);
        }

        double copyRate() {
            return readings / seconds(copy);
        }
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.of(args);
        Path home = Files.createTempDirectory("openamr-ingest-bench");
        System.out.printf(Locale.ROOT, "OpenAMR ingest benchmark, %s, Java %s, %d cores%n", Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%s pushes of %d meters x %d registers x %d quarter-hours = %,d values each; "
                        + "%d client threads (one concentrator each), %d pushes per thread per round%n",
                s.format(), s.meters(), s.registers(), PushBodies.VALUES_PER_DAY, s.valuesPerPush(), s.threads(),
                s.pushes());
        // as command-line arguments, which override application.properties (default properties do not)
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrServer.class)
                .run("--server.port=0", "--openamr.data-dir=" + home, "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN", "--logging.level.org.openamr=WARN",
                        "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                        "--openamr.ingest.max-values=" + Math.max(100_000, s.valuesPerPush()),
                        "--openamr.ingest.max-body-bytes=" + 64L * 1024 * 1024);
        String dataDir = server.getEnvironment().getRequiredProperty("openamr.data-dir");
        if (!Path.of(dataDir).equals(home)) {
            server.close();
            throw new IllegalStateException("the server would use " + dataDir + " instead of " + home);
        }
        try {
            run(s, server);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Settings s, ConfigurableApplicationContext server) throws Exception {
        int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        DataSource dataSource = server.getBean(DataSource.class);
        ConcentratorTokens tokens = server.getBean(ConcentratorTokens.class);
        if (!s.irregularSteps()) {
            jdbc.sql("alter table reading disable trigger reading_irregular_steps").update();
        }
        System.out.printf(Locale.ROOT, "trigger noting irregular steps: %s%n", s.irregularSteps() ? "on" : "off");
        List<Client> clients = new ArrayList<>();
        for (int t = 0; t < s.threads(); t++) {
            long id = jdbc.sql("insert into acquisition_channel (kind, name) values ('CONCENTRATOR', ?) returning id")
                    .param("bench concentrator " + t).query(Long.class).single();
            clients.add(new Client(t, tokens.issue(id)));
        }
        String path = s.format().equals("xml") ? "/ingest/v1/solvimus" : "/ingest/v1/readouts";
        URI uri = URI.create("http://localhost:" + port + path);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(s.threads());
        List<Round> measured = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%n%-9s %7s %10s %9s %14s %9s %14s %7s%n", "round", "pushes", "readings",
                "ingest s", "ingest rows/s", "COPY s", "COPY rows/s", "ratio");
        try {
            for (int round = 0; round < s.warmup() + s.rounds(); round++) {
                Instant firstDay = FIRST_DAY.plus(Duration.ofDays((long) round * s.pushes()));
                Round r = round(s, clients, http, uri, pool, jdbc, dataSource, firstDay);
                boolean warm = round < s.warmup();
                System.out.printf(Locale.ROOT, "%-9s %7d %,10d %9.2f %,14.0f %9.2f %,14.0f %7.2f%n",
                        warm ? "warm-up" : String.valueOf(round - s.warmup() + 1), s.pushes() * s.threads(),
                        r.readings(), seconds(r.ingest()), r.ingestRate(), seconds(r.copy()), r.copyRate(),
                        r.ingestRate() / r.copyRate());
                if (!warm) {
                    measured.add(r);
                }
            }
        } finally {
            pool.shutdown();
        }
        long readings = measured.stream().mapToLong(Round::readings).sum();
        double ingest = measured.stream().mapToDouble(r -> seconds(r.ingest())).sum();
        double copy = measured.stream().mapToDouble(r -> seconds(r.copy())).sum();
        System.out.printf(Locale.ROOT, "%-9s %7s %,10d %9.2f %,14.0f %9.2f %,14.0f %7.2f%n", "all", "",
                readings, ingest, readings / ingest, copy, readings / copy, (readings / ingest) / (readings / copy));
    }

    private static Round round(Settings s, List<Client> clients, HttpClient http, URI uri, ExecutorService pool,
            JdbcClient jdbc, DataSource dataSource, Instant firstDay) throws Exception {
        // bodies are made before the clock starts: the benchmark measures the server, not the generator
        List<List<byte[]>> bodies = new ArrayList<>();
        for (Client c : clients) {
            List<byte[]> mine = new ArrayList<>();
            for (int p = 0; p < s.pushes(); p++) {
                Instant day = firstDay.plus(Duration.ofDays(p));
                mine.add(s.format().equals("xml") ? PushBodies.xml(c.number(), s.meters(), s.registers(), day)
                        : PushBodies.json(c.number(), s.meters(), s.registers(), day));
            }
            bodies.add(mine);
        }
        jdbc.sql("truncate reading").update();
        jdbc.sql("vacuum analyze reading").update();
        List<Callable<Long>> posts = new ArrayList<>();
        for (Client c : clients) {
            List<byte[]> mine = bodies.get(c.number());
            posts.add(() -> {
                long stored = 0;
                for (byte[] body : mine) {
                    stored += post(http, uri, c.token(), body, s.valuesPerPush());
                }
                return stored;
            });
        }
        long start = System.nanoTime();
        long readings = sum(pool.invokeAll(posts));
        Duration ingest = Duration.ofNanos(System.nanoTime() - start);
        bodies.clear();

        long inTable = jdbc.sql("select count(*) from reading").query(Long.class).single();
        if (inTable != readings) {
            throw new IllegalStateException("the server answered " + readings + " new readings but reading has " + inTable);
        }
        List<List<byte[]>> chunks = copyOut(s, clients, dataSource, firstDay);
        jdbc.sql("truncate reading").update();
        jdbc.sql("vacuum analyze reading").update();
        List<Callable<Long>> copies = new ArrayList<>();
        for (List<byte[]> mine : chunks) {
            copies.add(() -> copyIn(dataSource, mine));
        }
        start = System.nanoTime();
        long copied = sum(pool.invokeAll(copies));
        Duration copy = Duration.ofNanos(System.nanoTime() - start);
        if (copied != readings) {
            throw new IllegalStateException("COPY loaded " + copied + " rows, the ingest stored " + readings);
        }
        return new Round(readings, ingest, copy);
    }

    private static long post(HttpClient http, URI uri, String token, byte[] body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", uri.getPath().endsWith("solvimus") ? "text/xml" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher stored = NEW.matcher(answer.body());
        Matcher rejected = REJECTED.matcher(answer.body());
        if (answer.statusCode() != 200 || !stored.find() || !rejected.find() || !rejected.group(1).equals("0")
                || Integer.parseInt(stored.group(1)) != expected) {
            throw new IllegalStateException("push answered " + answer.statusCode() + ": " + answer.body()
                    .substring(0, Math.min(500, answer.body().length())));
        }
        return expected;
    }

    /** The rows of each push, as PostgreSQL's text COPY format: one chunk per (concentrator, day). */
    private static List<List<byte[]>> copyOut(Settings s, List<Client> clients, DataSource dataSource, Instant firstDay)
            throws Exception {
        List<List<byte[]>> chunks = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<Long> channels = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery(
                    "select id from acquisition_channel where name like 'bench concentrator %' order by id")) {
                while (rs.next()) {
                    channels.add(rs.getLong(1));
                }
            }
            for (int t = 0; t < clients.size(); t++) {
                List<byte[]> mine = new ArrayList<>();
                for (int p = 0; p < s.pushes(); p++) {
                    Instant day = firstDay.plus(Duration.ofDays(p));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    copy.copyOut("copy (select register_id, measured_at, value, source, channel_id from reading "
                            + "where channel_id = " + channels.get(t) + " and measured_at >= '" + day
                            + "' and measured_at < '" + day.plus(Duration.ofDays(1)) + "') to stdout", out);
                    mine.add(out.toByteArray());
                }
                chunks.add(mine);
            }
        }
        return chunks;
    }

    private static long copyIn(DataSource dataSource, List<byte[]> chunks) throws Exception {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (byte[] chunk : chunks) {
                rows += copy.copyIn("copy reading (register_id, measured_at, value, source, channel_id) from stdin",
                        new ByteArrayInputStream(chunk));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static long sum(List<Future<Long>> futures) throws Exception {
        long total = 0;
        for (Future<Long> f : futures) {
            total += f.get();
        }
        return total;
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
