package org.openamr.server.alarm.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.rule.HeatState;
import org.openamr.server.alarm.rule.MeterState;
import org.openamr.server.alarm.rule.RegisterReadings;
import org.openamr.server.alarm.rule.Silence;
import org.openamr.server.alarm.rule.VerificationDates;
import org.openamr.server.channel.SilenceRule;
import org.openamr.server.consumption.RegisterSeries;
import org.openamr.server.consumption.Sample;
import org.openamr.server.event.EventKind;
import org.openamr.server.event.MeterEvent;
import org.openamr.server.point.MeteringPoint.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rules' inputs for every object at once: one query per input kind, whatever the number of meters, so that an
 * evaluation costs a round trip per rule batch and not per meter. Only meters installed at a point now are
 * evaluated: a meter in the store room or not yet assigned has no one to alarm.
 */
@Repository
class RuleInputs {

    /** The meters installed now, one row per installation (a multi-input meter has several). */
    private static final String INSTALLED = """
            select m.id as meter_id, m.public_id as meter_uuid, m.serial, m.channel_id, m.last_seen_at,
                   m.next_verification, m.register_digits, i.installed_at, p.id as point_id, p.public_id as point_uuid,
                   p.resource, p.quantity, p.tariff, p.subunit, p.name as point_name, pr.id as premise_id,
                   pr.number as premise_number, b.id as building_id, b.public_id as building_uuid, b.address, b.time_zone
            from meter_installation i join meter m on m.id = i.meter_id join metering_point p on p.id = i.point_id
                 join building b on b.id = p.building_id left join premise pr on pr.id = p.premise_id
            where i.installed_at <= :now and (i.removed_at is null or i.removed_at > :now)
            """;

    /**
     * The register a point counts, of the meter installed there ({@code i}: its installation, {@code p}: the point):
     * the point's quantity, tariff and subunit, storage 0, cumulative; the first when several units were stored.
     */
    private static final String POINT_REGISTER = """
            join lateral (
                select r.* from register r
                where r.meter_id = i.meter_id and r.quantity = p.quantity and r.storage = 0
                  and r.tariff = p.tariff and r.subunit = p.subunit and r.qualifier = '' and r.cumulative
                order by r.id limit 1) r on true
            """;

    private final JdbcClient jdbc;
    private final SilenceRule silence;

    RuleInputs(JdbcClient jdbc, SilenceRule silence) {
        this.jdbc = jdbc;
        this.silence = silence;
    }

    /** A meter installed at a point now. */
    record Installed(long meterId, UUID meterUuid, String serial, Long channelId, Instant lastSeenAt,
                     java.time.LocalDate nextVerification, Integer registerDigits, Instant installedAt, long pointId,
                     UUID pointUuid, Resource resource, long buildingId, UUID buildingUuid, Long premiseId, String address,
                     String premiseNumber, ZoneId zone) {

        /** The meter in words, for the journal. */
        String meterLabel() {
            return address + (premiseNumber == null ? "" : ", кв./apt. " + premiseNumber) + ", " + resource.name()
                    + ", № " + serial;
        }

        Place meterPlace() {
            return new Place(buildingId, premiseId, channelId, pointId, resource, meterLabel(), zone);
        }
    }

    List<Installed> installed(Instant now) {
        Map<Long, Installed> byPoint = new LinkedHashMap<>();
        jdbc.sql(INSTALLED + " order by b.id, pr.id nulls first, p.id").param("now", Timestamp.from(now))
                .query((rs, n) -> new Installed(rs.getLong("meter_id"), rs.getObject("meter_uuid", UUID.class),
                        rs.getString("serial"), (Long) rs.getObject("channel_id"), instant(rs, "last_seen_at"),
                        rs.getObject("next_verification", java.time.LocalDate.class),
                        (Integer) rs.getObject("register_digits"), instant(rs, "installed_at"), rs.getLong("point_id"),
                        rs.getObject("point_uuid", UUID.class), Resource.valueOf(rs.getString("resource")),
                        rs.getLong("building_id"), rs.getObject("building_uuid", UUID.class),
                        (Long) rs.getObject("premise_id"), rs.getString("address"),
                        rs.getString("premise_number"), ZoneId.of(rs.getString("time_zone"))))
                .list().forEach(i -> byPoint.putIfAbsent(i.pointId(), i));
        return List.copyOf(byPoint.values());
    }

    /** Each installed meter once (its first point), for the rules about the meter itself. */
    static List<Installed> meters(List<Installed> installed) {
        Map<Long, Installed> out = new LinkedHashMap<>();
        installed.forEach(i -> out.putIfAbsent(i.meterId(), i));
        return List.copyOf(out.values());
    }

    /** What each installed meter reports about itself: its active conditions and its time-in-error register. */
    List<Subject<MeterState>> meterStates(List<Installed> installed) {
        List<Installed> meters = meters(installed);
        Long[] ids = meters.stream().map(Installed::meterId).toArray(Long[]::new);
        Map<Long, List<MeterEvent>> active = new HashMap<>();
        jdbc.sql("""
                select * from (
                    select distinct on (e.meter_id, e.code) e.meter_id, m.public_id, m.serial, e.occurred_at, e.kind,
                           e.code, e.label_en, e.label_ru, e.source
                    from meter_event e join meter m on m.id = e.meter_id
                    join unnest(:ids::bigint[]) wanted(id) on wanted.id = e.meter_id
                    order by e.meter_id, e.code, e.occurred_at desc, e.id desc) newest
                where kind = 'RAISED'""").param("ids", ids)
                .query(rs -> {
                    active.computeIfAbsent(rs.getLong("meter_id"), k -> new ArrayList<>()).add(new MeterEvent(
                            rs.getObject("public_id", UUID.class), rs.getString("serial"),
                            instant(rs, "occurred_at"), EventKind.valueOf(rs.getString("kind")), rs.getString("code"),
                            rs.getString("label_en"), rs.getString("label_ru"), rs.getString("source")));
                });
        Map<Long, List<Sample>> timeInError = new HashMap<>();
        jdbc.sql("""
                select r.meter_id, x.measured_at, x.value
                from register r join unnest(:ids::bigint[]) wanted(id) on wanted.id = r.meter_id
                cross join lateral (
                    select measured_at, value from reading where register_id = r.id
                    order by measured_at desc limit 2) x
                where r.quantity in ('OPERATING_TIME', 'ON_TIME') and r.qualifier = 'E18'
                  and r.storage = 0 and r.tariff = 0 and r.subunit = 0
                order by r.meter_id, x.measured_at""").param("ids", ids)
                .query(rs -> {
                    timeInError.computeIfAbsent(rs.getLong("meter_id"), k -> new ArrayList<>())
                            .add(new Sample(instant(rs, "measured_at"), rs.getBigDecimal("value")));
                });
        List<Subject<MeterState>> out = new ArrayList<>(meters.size());
        for (Installed m : meters) {
            List<Sample> t = timeInError.getOrDefault(m.meterId(), List.of());
            out.add(new Subject<>(new MeterState(AlarmObject.meter(m.meterUuid()), m.lastSeenAt(),
                    active.getOrDefault(m.meterId(), List.of()), t.size() == 2 ? t.get(0) : null,
                    t.isEmpty() ? null : t.get(t.size() - 1)), m.meterPlace()));
        }
        return out;
    }

    /**
     * The two newest readings of the register each point counts (the point's quantity, tariff and subunit, storage
     * 0) of the meter installed there, readings since its installation only.
     */
    List<Subject<RegisterReadings>> registerReadings(List<Installed> installed) {
        Long[] points = installed.stream().map(Installed::pointId).toArray(Long[]::new);
        Map<Long, List<Sample>> samples = new HashMap<>();
        Map<Long, long[]> register = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        jdbc.sql("""
                select p.id as point_id, r.id as register_id, r.unit, x.measured_at, x.value
                from meter_installation i join metering_point p on p.id = i.point_id
                join unnest(:points::bigint[]) wanted(id) on wanted.id = p.id
                """ + POINT_REGISTER + """
                cross join lateral (
                    select measured_at, value from reading
                    where register_id = r.id and measured_at >= i.installed_at
                    order by measured_at desc limit 2) x
                where i.removed_at is null
                order by p.id, x.measured_at""").param("points", points)
                .query(rs -> {
                    long point = rs.getLong("point_id");
                    register.put(point, new long[] {rs.getLong("register_id")});
                    units.put(point, rs.getString("unit"));
                    samples.computeIfAbsent(point, k -> new ArrayList<>())
                            .add(new Sample(instant(rs, "measured_at"), rs.getBigDecimal("value")));
                });
        List<Subject<RegisterReadings>> out = new ArrayList<>();
        for (Installed i : installed) {
            long[] reg = register.get(i.pointId());
            if (reg == null) {
                continue;
            }
            Unit unit = Unit.bySymbol(units.get(i.pointId())).orElse(null);
            if (unit == null) {
                continue;
            }
            out.add(new Subject<>(new RegisterReadings(AlarmObject.point(i.pointUuid()), i.serial(),
                    i.registerDigits(), new RegisterSeries(reg[0], unit, samples.get(i.pointId()))),
                    i.meterPlace()));
        }
        return out;
    }

    /** The newest flow and temperature difference of each building-level heat meter. */
    List<Subject<HeatState>> heatStates(List<Installed> installed) {
        List<Installed> heat = installed.stream()
                .filter(i -> i.premiseId() == null && i.resource() == Resource.HEAT).toList();
        Long[] ids = heat.stream().map(Installed::meterId).toArray(Long[]::new);
        Map<Long, Sample> flow = new HashMap<>();
        Map<Long, Sample> deltaT = new HashMap<>();
        jdbc.sql("""
                select distinct on (r.meter_id, r.quantity) r.meter_id, r.quantity, x.measured_at, x.value
                from register r join unnest(:ids::bigint[]) wanted(id) on wanted.id = r.meter_id
                cross join lateral (
                    select measured_at, value from reading where register_id = r.id
                    order by measured_at desc limit 1) x
                where r.storage = 0 and r.tariff = 0 and r.subunit = 0
                  and r.qualifier = ''
                  and ((r.quantity = 'VOLUME_FLOW' and r.unit = :flow_unit)
                       or (r.quantity = 'TEMPERATURE_DIFFERENCE' and r.unit = :difference_unit))
                order by r.meter_id, r.quantity, x.measured_at desc""").param("ids", ids)
                .param("flow_unit", Unit.M3_PER_H.symbol()).param("difference_unit", Unit.KELVIN.symbol())
                .query(rs -> {
                    Sample s = new Sample(instant(rs, "measured_at"), rs.getBigDecimal("value"));
                    (rs.getString("quantity").equals("VOLUME_FLOW") ? flow : deltaT).put(rs.getLong("meter_id"), s);
                });
        List<Subject<HeatState>> out = new ArrayList<>();
        for (Installed m : heat) {
            out.add(new Subject<>(new HeatState(AlarmObject.meter(m.meterUuid()), flow.get(m.meterId()),
                    deltaT.get(m.meterId())), m.meterPlace()));
        }
        return out;
    }

    /**
     * Each installed meter's newest reading against its channel's schedule, and each channel's as a whole. A meter's
     * newest reading is when it was last heard, or its newest stored reading when that is later (readings imported
     * or backfilled do not pass through hearing it).
     *
     * @param newestReadings the newest stored reading of each meter's counted register, by meter id
     */
    List<Subject<Silence>> silences(List<Installed> installed, Map<Long, Instant> newestReadings, Instant now) {
        Map<Long, Duration> periods = silence.schedulePeriods(now);
        List<Subject<Silence>> out = new ArrayList<>();
        for (Installed m : meters(installed)) {
            out.add(new Subject<>(new Silence(AlarmObject.meter(m.meterUuid()),
                    m.channelId() == null ? null : periods.get(m.channelId()), m.installedAt(),
                    latest(m.lastSeenAt(), newestReadings.get(m.meterId())), now),
                    m.meterPlace()));
        }
        jdbc.sql("""
                select c.id, c.public_id, c.kind, c.name, c.created_at, c.building_id, b.time_zone, b.address,
                       (select max(m.last_seen_at) from meter m where m.channel_id = c.id) as last_seen_at
                from acquisition_channel c left join building b on b.id = c.building_id
                where c.enabled and exists (
                    select 1 from meter m join meter_installation i on i.meter_id = m.id
                    where m.channel_id = c.id and i.removed_at is null)""")
                .query(rs -> {
                    long id = rs.getLong("id");
                    String zone = rs.getString("time_zone");
                    String kind = rs.getString("kind");
                    boolean concentrator = "CONCENTRATOR".equals(kind);
                    String label = (rs.getString("address") == null ? "" : rs.getString("address") + ", ")
                            + (concentrator ? "концентратор/concentrator «" : "канал/channel «") + rs.getString("name")
                            + "»";
                    out.add(new Subject<>(new Silence(new AlarmObject(concentrator ? AlarmObject.Kind.COLLECTOR
                            : AlarmObject.Kind.CHANNEL, rs.getObject("public_id", UUID.class)), periods.get(id),
                            instant(rs, "created_at"), instant(rs, "last_seen_at"), now),
                            new Place((Long) rs.getObject("building_id"), null, id, null, null, label,
                                    zone == null ? ZoneId.of("UTC") : ZoneId.of(zone))));
                });
        return out;
    }

    List<Subject<VerificationDates>> verificationDates(List<Installed> installed, Instant now) {
        List<Subject<VerificationDates>> out = new ArrayList<>();
        for (Installed m : meters(installed)) {
            out.add(new Subject<>(new VerificationDates(AlarmObject.meter(m.meterUuid()), m.nextVerification(), now,
                    m.zone()), m.meterPlace()));
        }
        return out;
    }

    /**
     * The points among those given whose counted register shows no whole hour without consumption between
     * {@code from} and {@code to}: the only ones that can be leaking. Two consecutive readings with the same value
     * that span a whole local hour prove that hour consumed nothing, and one such hour rules a leak out; readings
     * further apart than an hour or closer together prove nothing more. One query, returning a row per candidate
     * and not the readings, so that the hourly figures are computed only for the few points that need them.
     */
    Set<Long> leakCandidates(List<Installed> points, Instant from, Instant to) {
        Long[] ids = points.stream().map(Installed::pointId).toArray(Long[]::new);
        Set<Long> out = new HashSet<>();
        jdbc.sql("""
                select p.id from meter_installation i join metering_point p on p.id = i.point_id
                join building b on b.id = p.building_id
                join unnest(:points::bigint[]) wanted(id) on wanted.id = p.id
                """ + POINT_REGISTER + """
                where i.removed_at is null and not exists (
                    select 1 from (
                        select x.measured_at, x.value,
                               lag(x.measured_at) over (order by x.measured_at) as before_at,
                               lag(x.value) over (order by x.measured_at) as before_value
                        from reading x
                        where x.register_id = r.id and x.measured_at >= greatest(:from, i.installed_at)
                          and x.measured_at <= :to) steps
                    where steps.value = steps.before_value
                      and (date_trunc('hour', steps.before_at at time zone b.time_zone) + case
                             when date_trunc('hour', steps.before_at at time zone b.time_zone)
                                  = steps.before_at at time zone b.time_zone then interval '1 hour'
                             else interval '2 hours' end) at time zone b.time_zone <= steps.measured_at)""")
                .param("points", ids).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    out.add(rs.getLong(1));
                });
        return out;
    }

    /** Whether a premise is marked occupied, for the premises given. */
    Map<Long, Boolean> occupied(List<Installed> installed) {
        Long[] ids = installed.stream().map(Installed::premiseId).filter(java.util.Objects::nonNull).distinct()
                .toArray(Long[]::new);
        Map<Long, Boolean> out = new HashMap<>();
        jdbc.sql("select id, occupied from premise join unnest(:ids::bigint[]) wanted(w) on w = id").param("ids", ids)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getBoolean(2));
                });
        return out;
    }

    /** The newest time a reading arrived for any meter: the evaluation's cue that new data is there. */
    Instant newestHeard() {
        // null while no meter was ever heard (a new installation): single() refuses a null row, optional() keeps it
        return jdbc.sql("select max(last_seen_at) from meter").query((rs, n) -> instant(rs, "max")).optional()
                .orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
