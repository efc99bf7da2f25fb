package org.openamr.bench.alarm;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openamr.server.OpenAmrServer;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.evaluation.AlarmEvaluator;
import org.openamr.server.reading.ReadingPartitions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alarm evaluation after one hourly poll of {@code buildings} × 100 meters (not a test; figures in README.md):
 * starts the real server on embedded PostgreSQL in a temporary directory, writes the registry and the readings the
 * rules look at with {@code insert … select from generate_series} (33 apartments a building with heat, cold and hot
 * water meters and a house heat meter, on an hourly bus channel; readings every hour for two days and every local
 * midnight for 32 days, the last two month starts, the house meters' flow and ΔT; one apartment in a hundred
 * leaking), then times {@link AlarmEvaluator#evaluate}:
 * <ol>
 *   <li>the first evaluation, which raises every alarm the data shows;</li>
 *   <li>{@code rounds} evaluations after one hourly poll each: every register gets its next hour's reading and every
 *       meter is heard, as a poll of the whole portfolio would leave it.</li>
 * </ol>
 * For each, the server's CPU time (this JVM's process CPU: the evaluation's thread, garbage collection and the JIT)
 * and the wall time, which also holds PostgreSQL's share. Exits with status 1 when the median CPU time of the
 * rounds is over {@code limit-ms} (default 2000).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.openamr.bench.alarm.AlarmBenchmark [buildings=100] [rounds=5] [limit-ms=2000]</pre>
 */
public final class AlarmBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private AlarmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int buildings = 100;
        int rounds = 5;
        long limitMs = 2000;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "buildings" -> buildings = Integer.parseInt(kv[1]);
                case "rounds" -> rounds = Integer.parseInt(kv[1]);
                case "limit-ms" -> limitMs = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + arg
                        + "'; known: buildings, rounds, limit-ms");
            }
        }
        Path home = Files.createTempDirectory("openamr-alarm-bench");
        System.out.printf(Locale.ROOT, "OpenAMR alarm benchmark, %s, Java %s, %d cores, max heap %d MB%n",
                Instant.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        ConfigurableApplicationContext server = new SpringApplicationBuilder(OpenAmrServer.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--logging.level.org.openamr=WARN", "--springdoc.api-docs.enabled=false",
                        "--springdoc.swagger-ui.enabled=false", "--openamr.polling.enabled=false",
                        "--openamr.alarms.enabled=false", "--openamr.data-dir=" + home,
                        "--logging.level.org.openamr.server.user.InitialAdmin=ERROR");
        boolean ok;
        try {
            ok = run(server, buildings, rounds, limitMs);
        } finally {
            server.close();
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(ConfigurableApplicationContext server, int buildings, int rounds, long limitMs) {
        JdbcClient jdbc = server.getBean(JdbcClient.class);
        AlarmEvaluator evaluator = server.getBean(AlarmEvaluator.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(5));
        long t0 = System.nanoTime();
        generate(server, jdbc, buildings, now);
        jdbc.sql("analyze").update();
        System.out.printf(Locale.ROOT, "%d buildings, %d meters, %,d readings, generated in %d s%n", buildings,
                jdbc.sql("select count(*) from meter").query(Long.class).single(),
                jdbc.sql("select count(*) from reading").query(Long.class).single(),
                (System.nanoTime() - t0) / 1_000_000_000);

        Measured first = measure(() -> evaluator.evaluate(now));
        System.out.printf(Locale.ROOT, "first evaluation: cpu %d ms, wall %d ms, %d raised%n", first.cpuMs(),
                first.wallMs(), first.outcome().raised());
        print(first.outcome().counts());
        List<Long> cpu = new ArrayList<>();
        Instant at = now;
        for (int i = 0; i < rounds; i++) {
            at = at.plus(Duration.ofHours(1));
            poll(server, jdbc, at.truncatedTo(ChronoUnit.HOURS));
            Instant evaluation = at;
            Measured m = measure(() -> evaluator.evaluate(evaluation));
            cpu.add(m.cpuMs());
            System.out.printf(Locale.ROOT, "after hourly poll %d: cpu %d ms, wall %d ms, %d raised, %d cleared; %s%n",
                    i + 1, m.cpuMs(), m.wallMs(), m.outcome().raised(), m.outcome().cleared(), steps(m.outcome()));
        }
        cpu.sort(Comparator.naturalOrder());
        long median = cpu.get(cpu.size() / 2);
        System.out.printf(Locale.ROOT, "median cpu after an hourly poll: %d ms (limit %d ms)%n", median, limitMs);
        return median <= limitMs;
    }

    private static String steps(AlarmEvaluator.Outcome o) {
        StringBuilder b = new StringBuilder();
        o.steps().forEach((name, d) -> b.append(b.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(d.toMillis()).append(" ms"));
        return b.toString();
    }

    private record Measured(AlarmEvaluator.Outcome outcome, long cpuMs, long wallMs) {
    }

    private static Measured measure(java.util.function.Supplier<AlarmEvaluator.Outcome> evaluation) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        AlarmEvaluator.Outcome outcome = evaluation.get();
        return new Measured(outcome, (os.getProcessCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
    }

    private static void print(Map<RuleKind, AlarmEvaluator.Counts> counts) {
        counts.forEach((kind, c) -> System.out.printf(Locale.ROOT, "  %-28s %6d evaluated %6d raised %6d unknown%n",
                kind, c.evaluated(), c.raised(), c.unknown()));
    }

    private static void generate(ConfigurableApplicationContext server, JdbcClient jdbc, int buildings, Instant now) {
        long org = jdbc.sql("insert into organisation (kind, name) values ('MANAGEMENT', 'Bench') returning id")
                .query(Long.class).single();
        jdbc.sql("""
                insert into building (address, management_org_id, time_zone)
                select 'Bench street ' || g, ?, ? from generate_series(1, ?) g""")
                .params(org, ZONE.getId(), buildings).update();
        jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, schedule_cron, created_at)
                select 'TCP_GATEWAY', 'Gateway ' || b.id, b.id, 'tcp://127.0.0.1:9', '0 0 * * * *',
                       now() - interval '1 year' from building b""").update();
        jdbc.sql("""
                insert into premise (building_id, number, kind, occupied)
                select b.id, n::text, 'APARTMENT', true from building b cross join generate_series(1, 33) n""")
                .update();
        jdbc.sql("""
                insert into metering_point (building_id, premise_id, resource)
                select pr.building_id, pr.id, r from premise pr
                cross join unnest(array['HEAT', 'COLD_WATER', 'HOT_WATER']) r
                union all select b.id, null, 'HEAT' from building b""").update();
        jdbc.sql("""
                insert into meter (manufacturer, serial, channel_id, last_seen_at, next_verification)
                select 'BNC', 'P' || p.id, c.id, ?, date '2030-01-01' + (p.id % 1000)::int
                from metering_point p join acquisition_channel c on c.building_id = p.building_id""")
                .param(java.sql.Timestamp.from(now)).update();
        for (long building : jdbc.sql("select id from building order by id").query(Long.class).list()) {
            jdbc.sql("""
                    insert into meter_installation (meter_id, point_id, installed_at)
                    select m.id, p.id, now() - interval '2 years'
                    from metering_point p join meter m on m.manufacturer = 'BNC' and m.serial = 'P' || p.id
                    where p.building_id = ?""").param(building).update();
        }
        jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, cumulative)
                select i.meter_id, p.quantity, case p.quantity when 'ENERGY' then 'kWh' else 'm3' end, 0, true
                from meter_installation i join metering_point p on p.id = i.point_id""").update();
        jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, cumulative)
                select i.meter_id, q.quantity, q.unit, 0, false
                from meter_installation i join metering_point p on p.id = i.point_id and p.premise_id is null
                cross join (values ('VOLUME_FLOW', 'm3/h'), ('TEMPERATURE_DIFFERENCE', 'K')) q(quantity, unit)""")
                .update();
        // the house meters' range, for all of them at once
        jdbc.sql("""
                insert into alarm_rule_setting (rule, resource, parameters)
                values ('HEAT_RANGE', 'HEAT', '{"gmin": 0.2, "gmax": 12, "deltaTMin": 3}')""").update();

        ReadingPartitions partitions = server.getBean(ReadingPartitions.class);
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant monthBefore = today.withDayOfMonth(1).minusMonths(1).atStartOfDay(ZONE).toInstant();
        for (java.time.YearMonth m = java.time.YearMonth.from(today).minusMonths(2);
                !m.isAfter(java.time.YearMonth.from(today).plusMonths(1)); m = m.plusMonths(1)) {
            partitions.ensure(m);
        }
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        // hourly for 48 h, daily for 32 days, and the two month starts: an hour's consumption is a function of the
        // register and the hour, so the value at any moment is its sum; water stops at night except in one flat in
        // a hundred (the leaks), heat never does
        jdbc.sql("""
                insert into reading (register_id, measured_at, value, source)
                select r.id, t, %s, 'BENCH' from register r
                cross join lateral (
                    select ?::timestamptz - h * interval '1 hour' as t from generate_series(0, 47) h
                    union select date_trunc('day', ?::timestamptz at time zone 'Europe/Moscow') at time zone 'Europe/Moscow'
                                 - d * interval '1 day' from generate_series(0, 31) d
                    union select ?::timestamptz union select ?::timestamptz) times
                where r.cumulative""".formatted(value("t")))
                .params(java.sql.Timestamp.from(hour), java.sql.Timestamp.from(hour),
                        java.sql.Timestamp.from(monthBefore),
                        java.sql.Timestamp.from(today.withDayOfMonth(1).atStartOfDay(ZONE).toInstant()))
                .update();
        jdbc.sql("""
                insert into reading (register_id, measured_at, value, source)
                select r.id, ?, case r.quantity when 'VOLUME_FLOW' then 1.5 + (r.meter_id % 7) * 0.1 else 18 end, 'BENCH'
                from register r where not r.cumulative""").param(java.sql.Timestamp.from(hour)).update();
    }

    /**
     * A register's value at time {@code t}: hours since 2020 × its rate; water does not run from midnight to 07:00
     * local time (the night's hours are taken off again, day by local day), except at the leaking meters.
     */
    private static String value(String t) {
        return """
                (1000 + extract(epoch from (%1$s - timestamptz '2020-01-01')) / 3600
                    * case r.unit when 'kWh' then 0.5 else 0.01 end)::numeric(18, 3)
                - case when r.unit = 'm3' and r.meter_id %% 100 <> 0
                       then (floor(extract(epoch from (%1$s at time zone 'Europe/Moscow' - timestamp '2020-01-01'))
                                   / 86400) * 7
                             + least(7, extract(hour from %1$s at time zone 'Europe/Moscow'))) * 0.01
                       else 0 end""".formatted(t);
    }

    /** One hourly poll of every meter: each register's reading of the hour, and every meter heard. */
    private static void poll(ConfigurableApplicationContext server, JdbcClient jdbc, Instant hour) {
        server.getBean(ReadingPartitions.class).ensureFor(List.of(hour));
        jdbc.sql("""
                insert into reading (register_id, measured_at, value, source)
                select r.id, ?::timestamptz, %s, 'BENCH' from register r cross join (select ?::timestamptz as t) x
                where r.cumulative on conflict do nothing""".formatted(value("x.t")))
                .params(java.sql.Timestamp.from(hour), java.sql.Timestamp.from(hour)).update();
        jdbc.sql("update meter set last_seen_at = ?").param(java.sql.Timestamp.from(hour)).update();
    }
}
