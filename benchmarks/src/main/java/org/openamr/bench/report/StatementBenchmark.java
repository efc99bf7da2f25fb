package org.openamr.bench.report;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.consumption.Units;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.report.ReportBuilder;
import org.openamr.server.report.ReportFile;
import org.openamr.server.report.ReportKind;
import org.openamr.server.report.ReportPeriod;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.Reports;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.openamr.server.security.AccessScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The apartment consumption statement of a whole portfolio against one hand-written SQL query that computes the
 * same start and end readings and consumptions (not a test; figures in benchmarks/README.md).
 *
 * <p>Starts the real server (embedded PostgreSQL in a temporary directory, deleted afterwards) and generates, with
 * a few {@code insert … select from generate_series} statements, {@code buildings} × {@code apartments} apartments,
 * each with a HEAT (kWh), a COLD_WATER and a HOT_WATER (m³) point, a meter per point installed in 2020 and an hourly
 * reading of its register from 2026-11-01 00:00 to 2026-12-01 00:00 Moscow time, both boundaries included (721 per
 * register). Then, after {@code warmup} untimed runs of each, {@code runs} timed runs of:
 * <ul>
 * <li>the statement of November 2026 for everything ({@code Reports.make}, CSV, Gcal), as the API makes it;</li>
 * <li>the statement's builder alone (the document, without rendering);</li>
 * <li>one SQL query: for every apartment point, its register's value at or just before each month boundary and
 * the difference, read into memory through JDBC ({@link #REFERENCE_SQL}, the reference);</li>
 * <li>one SQL query that checks every step of the month as the statement does ({@link #STEPS_SQL}).</li>
 * </ul>
 * Prints the medians and the ratios, checks that every line of the statement has both queries' start value, end
 * value and consumption, and renders the PDF of the first {@code pdf-buildings} buildings (a service company sees
 * only those) in a forked JVM with a small heap ({@code pdf-heap}, several sizes separated by commas), where the
 * heap is measured. Exits with status 1 when the figures disagree or a PDF fails.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.report.StatementBenchmark \
 *     [buildings=100] [apartments=100] [runs=5] [warmup=2] [pdf-buildings=10] [pdf-heap=128m]
 *     [data-dir=DIR] [step-query=yes|no]</pre>
 */
public final class StatementBenchmark {

    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    static final List<String> RESOURCES = List.of("HEAT", "COLD_WATER", "HOT_WATER");

    /**
     * The reference: every apartment point's register value at or just before the month's start and end, and
     * their difference, in the statement's line order. Index look-ups, two per register.
     */
    static final String REFERENCE_SQL = """
            select b.address, pr.number as premise, p.resource,
                   s.value as start_value, s.measured_at as start_at,
                   e.value as end_value, e.measured_at as end_at,
                   e.value - s.value as consumption
            from metering_point p
            join premise pr on pr.id = p.premise_id
            join building b on b.id = p.building_id
            join meter_installation i on i.point_id = p.id
                 and i.installed_at <= ?::timestamptz and (i.removed_at is null or i.removed_at >= ?::timestamptz)
            join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                 and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage = 0
            cross join lateral (select x.value, x.measured_at from reading x
                                where x.register_id = r.id and x.measured_at <= ?::timestamptz
                                order by x.measured_at desc limit 1) s
            cross join lateral (select x.value, x.measured_at from reading x
                                where x.register_id = r.id and x.measured_at <= ?::timestamptz
                                order by x.measured_at desc limit 1) e
            where p.resource in ('HEAT', 'COLD_WATER', 'HOT_WATER')
            order by b.address, b.id, array_position(array['HEAT', 'COLD_WATER', 'HOT_WATER'], p.resource),
                     length(pr.number), pr.number, p.name, p.id""";

    /**
     * The reference that checks what the statement checks: the same lines, but the consumption is the sum of the
     * steps between consecutive readings from the month's start to its end, a step down counting through the
     * register's wrap when it is a rollover (digits known, the increase through the wrap at most a tenth of the
     * range) and making the figure null otherwise — so every reading of the month is read, as the statement must.
     * It leaves out what this portfolio does not need: due-date values, interpolation, replacements.
     */
    static final String STEPS_SQL = """
            select b.address, pr.number as premise, p.resource,
                   c.start_value, c.start_at, c.end_value, c.end_at, c.consumption
            from metering_point p
            join premise pr on pr.id = p.premise_id
            join building b on b.id = p.building_id
            join meter_installation i on i.point_id = p.id
                 and i.installed_at <= ?::timestamptz and (i.removed_at is null or i.removed_at >= ?::timestamptz)
            join meter m on m.id = i.meter_id
            join register r on r.meter_id = i.meter_id and r.quantity = p.quantity and r.tariff = p.tariff
                 and r.subunit = p.subunit and r.function = 'INSTANTANEOUS' and r.storage = 0
            cross join lateral (
                select min(d.value) filter (where d.measured_at = d.first_at) as start_value, min(d.first_at) as start_at,
                       min(d.value) filter (where d.measured_at = d.last_at) as end_value, min(d.last_at) as end_at,
                       case when bool_or(d.value < d.prev and not d.rollover) then null
                            else coalesce(sum(d.value - d.prev + case when d.rollover then d.modulus else 0 end), 0)
                       end as consumption
                from (select y.*, y.value < y.prev and y.modulus is not null and y.prev < y.modulus
                                  and y.modulus - y.prev + y.value <= y.modulus / 10 as rollover
                      from (select x.measured_at, x.value,
                                   lag(x.value) over (order by x.measured_at) as prev,
                                   min(x.measured_at) over () as first_at, max(x.measured_at) over () as last_at,
                                   power(10::numeric, m.register_digits - max(scale(x.value)) over ()) as modulus
                            from reading x
                            where x.register_id = r.id and x.measured_at >= ?::timestamptz
                              and x.measured_at <= ?::timestamptz) y) d) c
            where p.resource in ('HEAT', 'COLD_WATER', 'HOT_WATER')
            order by b.address, b.id, array_position(array['HEAT', 'COLD_WATER', 'HOT_WATER'], p.resource),
                     length(pr.number), pr.number, p.name, p.id""";

    private StatementBenchmark() {
    }

    record Settings(int buildings, int apartments, int runs, int warmup, int pdfBuildings, List<String> pdfHeaps,
                    String dataDir, boolean stepQuery) {

        static Settings of(String[] args) {
            Map<String, String> a = new LinkedHashMap<>(Map.of("buildings", "100", "apartments", "100", "runs", "5",
                    "warmup", "2", "pdf-buildings", "10", "pdf-heap", "128m", "data-dir", "", "step-query", "yes"));
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                if (kv.length != 2 || !a.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown argument '" + arg + "'; known: " + a.keySet());
                }
                a.put(kv[0], kv[1]);
            }
            return new Settings(Integer.parseInt(a.get("buildings")), Integer.parseInt(a.get("apartments")),
                    Integer.parseInt(a.get("runs")), Integer.parseInt(a.get("warmup")),
                    Integer.parseInt(a.get("pdf-buildings")),
                    a.get("pdf-heap").isBlank() ? List.of() : List.of(a.get("pdf-heap").split(",")),
                    a.get("data-dir"), !a.get("step-query").equals("no"));
        }
    }

    /** One line of the reference query. */
    record Line(String address, String premise, String resource, BigDecimal start, OffsetDateTime startAt,
                BigDecimal end, OffsetDateTime endAt, BigDecimal consumption) {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.of(args);
        // data-dir: a directory kept between runs, the portfolio generated only when not already there
        boolean keep = !s.dataDir().isBlank();
        Path home = keep ? Files.createDirectories(Path.of(s.dataDir()))
                : Files.createTempDirectory("openamr-statement-bench");
        System.out.printf(Locale.ROOT, "OpenAMR statement benchmark, %s, Java %s (%s), %d cores, max heap %d MB%n",
                Instant.now(), System.getProperty("java.version"), System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrServer.class)
                .run(serverArguments("--openamr.data-dir=" + home));
        boolean ok;
        try {
            ok = run(s, server);
        } finally {
            server.close();
            if (!keep) {
                try (Stream<Path> files = Files.walk(home)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        System.exit(ok ? 0 : 1);
    }

    static String[] serverArguments(String... more) {
        List<String> a = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.openamr=WARN",
                "--springdoc.api-docs.enabled=false", "--springdoc.swagger-ui.enabled=false",
                "--openamr.polling.enabled=false", "--logging.level.org.openamr.server.user.InitialAdmin=ERROR",
                // the alarm scheduler would evaluate 30,000 points' readings while the statement is timed
                "--openamr.alarms.enabled=false"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static boolean run(Settings s, ConfigurableApplicationContext server) throws Exception {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        DataSource dataSource = server.getBean(DataSource.class);
        Long existing = jdbc.sql("select id from organisation where name = 'Bench service'").query(Long.class)
                .optional().orElse(null);
        long serviceOrg;
        if (existing == null) {
            serviceOrg = generate(s, server, jdbc, dataSource);
        } else {
            serviceOrg = existing;
            System.out.printf(Locale.ROOT, "portfolio already in %s: %,d points; not generated again%n", s.dataDir(),
                    jdbc.sql("select count(*) from metering_point").query(Long.class).single());
        }

        Reports reports = server.getBean(Reports.class);
        ReportBuilder builder = server.getBeansOfType(ReportBuilder.class).values().stream()
                .filter(b -> b.kind() == ReportKind.STATEMENT).findFirst().orElseThrow();
        ReportRequest request = new ReportRequest(ReportKind.STATEMENT, null, ReportPeriod.month(MONTH),
                HeatUnit.GCAL, Locale.forLanguageTag("ru"));
        AccessScope everything = new AccessScope.Everything("bench");

        System.out.printf(Locale.ROOT, "%n%-34s %10s %10s %10s%n", "", "median", "best", "worst");
        // the three are timed in turn, round after round, so that a busier stretch of the machine weighs on each
        // alike; the ratio is the median of the rounds' ratios
        List<Supplier<Integer>> tasks = List.of(() -> reference(dataSource).size(),
                () -> builder.build(request, everything).document().main().rows().size(),
                () -> reports.make(request, ReportFormat.CSV, RenderOptions.DEFAULT, everything).content().length);
        long[][] rounds = interleaved(tasks, s);
        long[] sql = rounds[0];
        long[] built = rounds[1];
        long[] made = rounds[2];
        report("SQL: boundary readings (one query)", sql);
        report("statement builder (document)", built);
        report("statement CSV (Reports.make)", made);
        long[] stepSql = s.stepQuery() ? time("SQL: every step checked (one query)", s, () -> steps(dataSource).size())
                : null;
        double[] csvRatios = new double[sql.length];
        double[] builderRatios = new double[sql.length];
        for (int i = 0; i < sql.length; i++) {
            csvRatios[i] = made[i] / (double) sql[i];
            builderRatios[i] = built[i] / (double) sql[i];
        }
        System.out.printf(Locale.ROOT, "%nratio statement CSV / boundary SQL: %.2f (goal ≤ 1.5; per round %s),"
                        + " builder / boundary SQL: %.2f (per round %s)%n", median(csvRatios), format(csvRatios),
                median(builderRatios), format(builderRatios));
        if (stepSql != null) {
            System.out.printf(Locale.ROOT, "statement CSV / step SQL: %.2f, builder / step SQL: %.2f%n",
                    median(made) / (double) median(stepSql), median(built) / (double) median(stepSql));
        }
        System.out.printf(Locale.ROOT, "irregular steps noted in the portfolio's readings: %,d%n",
                jdbc.sql("select count(*) from reading_irregular_step").query(Long.class).single());

        Section statement = builder.build(request, everything).document().main();
        System.out.println("check against the boundary query:");
        boolean ok = check(reference(dataSource), statement);
        if (s.stepQuery()) {
            System.out.println("check against the step query:");
            ok &= check(steps(dataSource), statement);
        }
        ReportFile csv = reports.make(request, ReportFormat.CSV, RenderOptions.DEFAULT, everything);
        // the digest shows that a change to the statement or its renderer left the file the same, byte for byte
        System.out.printf(Locale.ROOT, "CSV: %s, %,d bytes, SHA-256 %s%n", csv.fileName(), csv.content().length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.content())));

        HikariDataSource pool = (HikariDataSource) dataSource;
        for (String heap : s.pdfHeaps()) {
            ok &= pdfInChild(heap, pool, serviceOrg, s.pdfBuildings() * s.apartments());
        }
        return ok;
    }

    /** The portfolio, in SQL; returns the id of the service company that sees the first pdf-buildings buildings. */
    private static long generate(Settings s, ConfigurableApplicationContext server, JdbcClient jdbc,
            DataSource dataSource) throws Exception {
        long t0 = System.nanoTime();
        long management = jdbc.sql("insert into organisation (kind, name) values ('MANAGEMENT', 'Bench management')"
                + " returning id").query(Long.class).single();
        long service = jdbc.sql("insert into organisation (kind, name) values ('SERVICE', 'Bench service')"
                + " returning id").query(Long.class).single();
        jdbc.sql("""
                insert into building (address, management_org_id, service_org_id, time_zone)
                select 'Bench street ' || lpad(g::text, 4, '0'), ?, case when g <= ? then ? end, 'Europe/Moscow'
                from generate_series(1, ?) g""")
                .params(management, s.pdfBuildings(), service, s.buildings()).update();
        jdbc.sql("""
                insert into premise (building_id, number, kind, floor, personal_account)
                select b.id, n::text, 'APARTMENT', 1 + (n - 1) / 4, lpad((b.id * 10000 + n)::text, 10, '0')
                from building b cross join generate_series(1, ?) n""").param(s.apartments()).update();
        jdbc.sql("""
                insert into metering_point (building_id, premise_id, resource)
                select pr.building_id, pr.id, r.resource
                from premise pr cross join unnest(array['HEAT', 'COLD_WATER', 'HOT_WATER']) r(resource)""").update();
        // the point's id in the serial pairs meter and point without a lookup table
        jdbc.sql("""
                insert into meter (manufacturer, serial, register_digits, verified_on, next_verification)
                select 'BNC', 'P' || p.id, 8, date '2020-01-01', date '2030-01-01' from metering_point p""").update();
        // a building at a time: the installation trigger takes an advisory lock per meter, and a transaction
        // holds only so many locks
        for (long building : jdbc.sql("select id from building order by id").query(Long.class).list()) {
            jdbc.sql("""
                    insert into meter_installation (meter_id, point_id, installed_at, initial_value)
                    select m.id, p.id, timestamptz '2020-01-01 00:00+03', 0
                    from metering_point p join meter m on m.manufacturer = 'BNC' and m.serial = 'P' || p.id
                    where p.building_id = ?""").param(building).update();
        }
        jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, cumulative)
                select i.meter_id, p.quantity, case p.quantity when 'ENERGY' then 'kWh' else 'm3' end, 0, true
                from meter_installation i join metering_point p on p.id = i.point_id""").update();
        long registry = System.nanoTime();
        ReadingPartitions partitions = server.getBean(ReadingPartitions.class);
        Instant from = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        partitions.ensureFor(List.of(from, to));
        long hours = java.time.Duration.between(from, to).toHours();
        // hourly values from the month's start to its end, both included; a steady rate per register (heat
        // 0.2–1.0 kWh/h, water 4–14 litres/h), so that values only rise and end − start is the consumption
        String insert = """
                insert into reading (register_id, measured_at, value, source)
                select r.id, timestamptz '%s' + h * interval '1 hour',
                       (100 + r.id %% 1000)::numeric
                       + h * case r.unit when 'kWh' then 0.2 + (r.id %% 17) * 0.05 else 0.004 + (r.id %% 11) * 0.001 end,
                       'BENCH'
                from register r cross join generate_series(0, %d) h
                where r.id %% 2 = ?""".formatted(from, hours);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                int h = half;
                parts.add(pool.submit(() -> {
                    try (Connection c = dataSource.getConnection();
                         var ps = c.prepareStatement(insert)) {
                        c.setAutoCommit(true);
                        ps.setInt(1, h);
                        return ps.executeUpdate();
                    }
                }));
            }
            long rows = 0;
            for (Future<Integer> f : parts) {
                rows += f.get();
            }
            long readings = System.nanoTime();
            jdbc.sql("vacuum analyze").update();
            long vacuum = System.nanoTime();
            System.out.printf(Locale.ROOT, "generated %d buildings × %d apartments × 3 points = %,d points, "
                            + "%,d readings (%d per register, hourly %s … %s)%n", s.buildings(), s.apartments(),
                    jdbc.sql("select count(*) from metering_point").query(Long.class).single(), rows, hours + 1,
                    from.atZone(ZONE).toOffsetDateTime(), to.atZone(ZONE).toOffsetDateTime());
            System.out.printf(Locale.ROOT, "generation: registry %.1f s, readings %.1f s (two connections), "
                            + "vacuum analyze %.1f s; database %s%n", (registry - t0) / 1e9, (readings - registry) / 1e9,
                    (vacuum - readings) / 1e9,
                    jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))").query(String.class)
                            .single());
        } finally {
            pool.shutdown();
        }
        return service;
    }

    static List<Line> reference(DataSource dataSource) {
        return query(dataSource, REFERENCE_SQL);
    }

    static List<Line> steps(DataSource dataSource) {
        return query(dataSource, STEPS_SQL);
    }

    private static List<Line> query(DataSource dataSource, String sql) {
        Instant from = MONTH.atDay(1).atStartOfDay(ZONE).toInstant();
        Instant to = MONTH.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
        List<Line> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setFetchSize(5000);
            c.setAutoCommit(false);
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            ps.setString(3, from.toString());
            ps.setString(4, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getBigDecimal(6),
                            rs.getObject(7, OffsetDateTime.class), rs.getBigDecimal(8)));
                }
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Warm-up rounds, then {@code runs} rounds each running every task once: milliseconds per task and round. */
    private static long[][] interleaved(List<Supplier<Integer>> tasks, Settings s) {
        for (int i = 0; i < s.warmup(); i++) {
            tasks.forEach(Supplier::get);
        }
        long[][] ms = new long[tasks.size()][s.runs()];
        for (int r = 0; r < s.runs(); r++) {
            for (int t = 0; t < tasks.size(); t++) {
                long start = System.nanoTime();
                tasks.get(t).get();
                ms[t][r] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        return ms;
    }

    private static void report(String what, long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %7d ms %7d ms %7d ms   (runs %s)%n", what, median(ms), sorted[0],
                sorted[sorted.length - 1], Arrays.toString(ms));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String format(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (double v : values) {
            out.append(out.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return out.append(']').toString();
    }

    private static long[] time(String what, Settings s, Supplier<Integer> task) {
        int size = 0;
        for (int i = 0; i < s.warmup(); i++) {
            size = task.get();
        }
        long[] ms = new long[s.runs()];
        for (int i = 0; i < s.runs(); i++) {
            long start = System.nanoTime();
            size = task.get();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-34s %7d ms %7d ms %7d ms   (%,d rows or bytes; runs %s)%n", what,
                median(ms), sorted[0], sorted[sorted.length - 1], size, Arrays.toString(ms));
        return ms;
    }

    private static long median(long[] ms) {
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Every statement line against the query's line in the same place: start, end and consumption. */
    private static boolean check(List<Line> lines, Section main) {
        List<Row> rows = main.rows();
        int consumption = column(main, "consumption");
        int start = column(main, "startValue");
        int end = column(main, "endValue");
        int premise = column(main, "premise");
        int address = column(main, "address");
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        RESOURCES.forEach(r -> sums.put(r, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO}));
        int wrong = 0;
        if (rows.size() != lines.size()) {
            System.out.printf(Locale.ROOT, "MISMATCH: the statement has %,d lines, the query %,d%n", rows.size(),
                    lines.size());
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            Line l = lines.get(i);
            List<Cell> cells = rows.get(i).cells();
            boolean heat = l.resource().equals("HEAT");
            // the statement shows heat in Gcal (kWh ÷ 1163, nine decimals), water in m³ as counted
            BigDecimal expected = heat ? Units.toGcal(l.consumption()) : l.consumption();
            BigDecimal expectedStart = heat ? Units.toGcal(l.start()) : l.start();
            BigDecimal expectedEnd = heat ? Units.toGcal(l.end()) : l.end();
            BigDecimal got = number(cells.get(consumption));
            boolean same = text(cells.get(address)).equals(l.address()) && text(cells.get(premise)).equals(l.premise())
                    && equal(got, expected) && equal(number(cells.get(start)), expectedStart)
                    && equal(number(cells.get(end)), expectedEnd);
            if (!same && wrong++ < 5) {
                System.out.printf(Locale.ROOT, "MISMATCH line %d: statement %s, query %s%n", i, cells, l);
            }
            BigDecimal[] sum = sums.get(l.resource());
            sum[0] = sum[0].add(got == null ? BigDecimal.ZERO : got);
            sum[1] = sum[1].add(expected);
        }
        sums.forEach((r, sum) -> System.out.printf(Locale.ROOT, "sum of %-10s statement %s, query %s%n", r,
                sum[0].stripTrailingZeros().toPlainString(), sum[1].stripTrailingZeros().toPlainString()));
        System.out.printf(Locale.ROOT, "check: %,d lines, %s%n", rows.size(),
                wrong == 0 ? "every start value, end value and consumption equal to the query's"
                        : wrong + " lines DIFFER");
        return wrong == 0;
    }

    private static int column(Section s, String id) {
        List<Column> columns = s.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no column " + id);
    }

    private static BigDecimal number(Cell c) {
        return c instanceof Cell.Number n ? n.value() : null;
    }

    private static String text(Cell c) {
        return c instanceof Cell.Text t ? t.text() : null;
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    /** Runs {@link StatementPdfChild} with the given -Xmx against this run's database and prints what it says. */
    private static boolean pdfInChild(String heap, HikariDataSource pool, long serviceOrg, int apartments)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), StatementPdfChild.class.getName(), String.valueOf(serviceOrg),
                String.valueOf(apartments));
        // the temporary database's address and password go through the environment, not the command line
        pb.environment().put("SPRING_DATASOURCE_URL", pool.getJdbcUrl());
        pb.environment().put("SPRING_DATASOURCE_USERNAME", pool.getUsername());
        pb.environment().put("SPRING_DATASOURCE_PASSWORD", pool.getPassword());
        pb.redirectErrorStream(true);
        System.out.printf(Locale.ROOT, "%nPDF of %,d apartments in a forked JVM, -Xmx%s -XX:+UseSerialGC:%n",
                apartments, heap);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.out.println("  | " + line);
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            System.out.printf(Locale.ROOT, "  the PDF child exited with status %d%n", status);
        }
        return status == 0;
    }
}
