package org.openamr.server.meter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.PageQueries;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Meters with where they hang, their newest reading and the conditions they report, filtered, sorted and
 * paged in SQL (a company's meters run into the tens of thousands). What a scope sees follows
 * {@link MeterVisibility}: the meters, their places, readings and events alike.
 */
@Repository
public class MeterOverview {

    /** A meter's state, most urgent first. */
    public enum State {
        /** It reports a condition (an error code, a status flag) that it has not cleared since. */
        ERROR,
        /** Its newest reading is older than the silence rule allows. */
        SILENT,
        /** It has never been read. */
        NO_DATA,
        OK
    }

    public enum Sort { SERIAL, PLACE, MAKER, STATE, LAST_READING, VERIFICATION }

    /**
     * @param building   only meters installed in it now, or found on its channels
     * @param resource   only meters counting it now: a {@code MeteringPoint.Resource}'s name, not the enum, because
     *                   the point package builds on this one (a point installs meters) and a package cycle would
     *                   follow (ArchitectureTest)
     * @param text       part of the serial number, or an apartment's number
     * @param page       from 0
     */
    public record Query(UUID building, String resource, State state, String text, Sort sort, boolean descending,
                        int page, int size) {
    }

    /**
     * @param place    where the meter hangs now (the first of its places when its points are in several
     *                 premises), null when it hangs nowhere the scope sees
     * @param timeZone the zone of its building, or of its channel's building when it hangs nowhere
     */
    public record Row(UUID id, String serial, String manufacturer, String model, String medium, Place place,
                      String timeZone, Instant lastReading, State state, List<Condition> conditions,
                      LocalDate verifiedOn, LocalDate nextVerification, boolean everInstalled) {
    }

    /**
     * @param premise   null for a building-level point (a house meter)
     * @param resources the {@code MeteringPoint.Resource} names of its points, as {@link Query#resource()} says why
     */
    public record Place(UUID building, String address, UUID premise, String premiseNumber, List<String> resources) {
    }

    /** A condition raised and not cleared, with its meaning in both languages. */
    public record Condition(String code, String labelEn, String labelRu, Instant since) {
    }

    private final JdbcClient jdbc;

    public MeterOverview(PageQueries pages) {
        // a page's queries: a statement timeout of seconds, not the minute of a job's
        this.jdbc = pages.jdbc();
    }

    /**
     * @param silence how long meters of a channel may go without a reading, where longer than {@code minimum}
     * @param minimum how long every other meter may
     */
    public Page<Row> search(AccessScope scope, Query q, Map<Long, Duration> silence, Duration minimum, Instant now) {
        Sql visiblePlace = scope.visible("mp.building_id", "mp.premise_id");
        Sql where = MeterVisibility.meter(scope, "m");
        if (q.building() != null) {
            where = where.and(Meters.inBuilding(q.building()));
        }
        if (q.resource() != null) {
            where = where.and(Sql.format("exists (select 1 from meter_installation ri join metering_point mp"
                    + " on mp.id = ri.point_id where ri.meter_id = m.id and ri.removed_at is null"
                    + " and mp.resource = :resource and %s)", visiblePlace).param("resource", q.resource()));
        }
        if (q.text() != null && !q.text().isBlank()) {
            // the apartment's number as a whole ("12" is not 112), the serial number in part
            where = where.and(Sql.of("position(lower(:text) in lower(m.serial)) > 0"
                    + " or lower(place.premise_number) = lower(:text)").param("text", q.text().trim()));
        }
        // the newest reading through MeterVisibility.newestReading: the access check once per installation, then
        // one index probe per register, instead of the check on every reading the meter ever sent
        Sql inner = Sql.format("""
                select m.id, m.public_id, m.serial, m.manufacturer, m.model, m.medium, m.mbus_medium, m.verified_on,
                       m.next_verification, place.building_pid, place.address, place.premise_pid, place.premise_number,
                       place.resources, coalesce(place.time_zone, cb.time_zone) as time_zone, lr.last_at,
                       exists (select 1 from meter_installation ei where ei.meter_id = m.id) as ever_installed,
                       case when er.open then 'ERROR' when lr.last_at is null then 'NO_DATA'
                            when lr.last_at < cast(:now as timestamptz) - make_interval(secs => %s) then 'SILENT' else 'OK' end as state
                from meter m
                left join acquisition_channel c on c.id = m.channel_id
                left join building cb on cb.id = c.building_id
                left join lateral (
                    select b.public_id as building_pid, b.address, b.time_zone, p.public_id as premise_pid,
                           p.number as premise_number, array_agg(mp.resource order by mp.resource) as resources
                    from meter_installation i join metering_point mp on mp.id = i.point_id
                    join building b on b.id = mp.building_id left join premise p on p.id = mp.premise_id
                    where i.meter_id = m.id and i.removed_at is null and %s
                    group by b.public_id, b.address, b.time_zone, p.public_id, p.number
                    order by b.address, p.number nulls first limit 1) place on true
                cross join lateral (select %s as last_at) lr
                left join lateral (
                    select coalesce(bool_or(last.kind = 'RAISED'), false) as open from (
                        select distinct on (ev.code) ev.kind from meter_event ev
                        where ev.meter_id = m.id and %s
                        order by ev.code, ev.occurred_at desc, ev.kind) last) er on true
                where %s""", Sql.of(silenceSeconds(silence, minimum)), visiblePlace,
                MeterVisibility.newestReading(scope, "m.id"),
                MeterVisibility.reading(scope, "m.id", "ev.occurred_at"), where)
                .param("now", Timestamp.from(now));
        Sql state = Sql.TRUE;
        if (q.state() != null) {
            state = Sql.of("x.state = :state").param("state", q.state().name());
        }
        Page<Row> found = Page.of(jdbc, "select x.*", Sql.format("from %s x where %s", inner, state), order(q),
                MeterOverview::row, q.page(), q.size());
        Map<UUID, List<Condition>> conditions = conditions(scope, found.items().stream().map(Row::id).toList());
        List<Row> rows = found.items().stream().map(r -> conditions.containsKey(r.id())
                ? new Row(r.id(), r.serial(), r.manufacturer(), r.model(), r.medium(), r.place(), r.timeZone(),
                        r.lastReading(), r.state(), conditions.get(r.id()), r.verifiedOn(), r.nextVerification(),
                        r.everInstalled()) : r).toList();
        return new Page<>(rows, found.page(), found.size(), found.total());
    }

    /** Per channel its own allowance, everyone else the minimum; only numbers reach the SQL. */
    private static String silenceSeconds(Map<Long, Duration> silence, Duration minimum) {
        if (silence.isEmpty()) {
            return Long.toString(minimum.toSeconds());
        }
        StringBuilder s = new StringBuilder("case m.channel_id");
        silence.forEach((channel, d) -> s.append(" when ").append(channel.longValue()).append(" then ")
                .append(d.toSeconds()));
        return s.append(" else ").append(minimum.toSeconds()).append(" end").toString();
    }

    private static String order(Query q) {
        String dir = q.descending() ? " desc" : " asc";
        String key = switch (q.sort() == null ? Sort.PLACE : q.sort()) {
            case SERIAL -> "x.serial" + dir;
            case PLACE -> "x.address" + dir + " nulls last, length(x.premise_number)" + dir + " nulls first, x.premise_number"
                    + dir + " nulls first";
            case MAKER -> "x.manufacturer" + dir + " nulls last, x.model" + dir + " nulls last";
            case STATE -> "case x.state when 'ERROR' then 0 when 'SILENT' then 1 when 'NO_DATA' then 2 else 3 end" + dir;
            case LAST_READING -> "x.last_at" + dir + " nulls first";
            case VERIFICATION -> "x.next_verification" + dir + " nulls last";
        };
        return key + ", x.serial, x.id";
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID building = rs.getObject("building_pid", UUID.class);
        Place place = null;
        if (building != null) {
            java.sql.Array resources = rs.getArray("resources");
            place = new Place(building, rs.getString("address"), rs.getObject("premise_pid", UUID.class),
                    rs.getString("premise_number"), List.of((String[]) resources.getArray()));
        }
        Timestamp last = rs.getTimestamp("last_at");
        return new Row(rs.getObject("public_id", UUID.class), rs.getString("serial"), rs.getString("manufacturer"),
                rs.getString("model"), Meters.medium(rs.getString("medium"), (Integer) rs.getObject("mbus_medium")),
                place, rs.getString("time_zone"), last == null ? null : last.toInstant(),
                State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), List.of(),
                rs.getObject("verified_on", LocalDate.class), rs.getObject("next_verification", LocalDate.class),
                rs.getBoolean("ever_installed"));
    }

    /** The conditions each meter raised and has not cleared, as far as the scope sees its events. */
    public Map<UUID, List<Condition>> conditions(AccessScope scope, List<UUID> meters) {
        if (meters.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Condition>> out = new LinkedHashMap<>();
        Sql.format("""
                select m.public_id, last.code, last.label_en, last.label_ru, last.occurred_at
                from meter m cross join lateral (
                    select distinct on (ev.code) ev.code, ev.kind, ev.label_en, ev.label_ru, ev.occurred_at
                    from meter_event ev where ev.meter_id = m.id and %s
                    order by ev.code, ev.occurred_at desc, ev.kind) last
                where m.public_id in (:meters) and last.kind = 'RAISED'
                order by m.public_id, last.occurred_at, last.code""",
                MeterVisibility.reading(scope, "m.id", "ev.occurred_at"))
                .on(jdbc).param("meters", meters)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.computeIfAbsent(
                        rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new Condition(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())));
        return out;
    }
}
