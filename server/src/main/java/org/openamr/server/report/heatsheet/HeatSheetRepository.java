package org.openamr.server.report.heatsheet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.server.consumption.Sample;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a heat sheet reads beside the consumption service's energy: the building's heat points, the meters
 * installed at one of them, those meters' registers of volume, mass, temperatures and times, their readings, their
 * conditions and firmware. Every query carries the caller's scope, and the building must be visible as a whole.
 */
@Repository
class HeatSheetRepository {

    /** The register quantities a heat sheet reads besides the point's own energy register. */
    static final List<Quantity> QUANTITIES = List.of(Quantity.ENERGY, Quantity.VOLUME, Quantity.MASS,
            Quantity.FLOW_TEMPERATURE, Quantity.RETURN_TEMPERATURE, Quantity.OPERATING_TIME, Quantity.ON_TIME);

    /** A building-level heat point with the register selection of its energy (V6). */
    record HeatPoint(long id, UUID publicId, String name, Quantity quantity, int tariff, int subunit) {
    }

    /** A meter's stay at the point. */
    record Installation(long meterId, String serial, String manufacturer, String model, Integer registerDigits,
                        Instant installedAt, Instant removedAt) {
    }

    /** A current (storage 0, instantaneous) register of an installed meter. */
    record Register(long id, long meterId, Quantity quantity, String unit, int tariff, int subunit,
                    String qualifier) {
    }

    /** A condition of a meter raised or cleared. */
    record Event(long meterId, Instant at, boolean raised, String code) {
    }

    /**
     * An alarm of a heat range rule (НС 1–3) of a meter, from the reading that raised it to the one that cleared it
     * ({@code to} null while it is open).
     */
    record AlarmSpan(org.openamr.server.alarm.RuleKind rule, Instant from, Instant to) {
    }

    private final JdbcClient jdbc;

    HeatSheetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The building's own heat points (no premise), by name. */
    List<HeatPoint> heatPoints(long buildingId, AccessScope scope) {
        return Sql.format("""
                select p.id, p.public_id, p.name, p.quantity, p.tariff, p.subunit
                from metering_point p
                where p.building_id = :building and p.premise_id is null and p.resource = 'HEAT' and %s
                order by p.name, p.id""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("building", buildingId)
                .query((rs, n) -> new HeatPoint(rs.getLong("id"), rs.getObject("public_id", UUID.class),
                        rs.getString("name"), Quantity.valueOf(rs.getString("quantity")), rs.getInt("tariff"),
                        rs.getInt("subunit")))
                .list();
    }

    /** The meters installed at the point at some moment of [from, to), in installation order. */
    List<Installation> installations(long pointId, Instant from, Instant to, AccessScope scope) {
        return Sql.format("""
                select i.meter_id, m.serial, m.manufacturer, m.model, m.register_digits, i.installed_at, i.removed_at
                from meter_installation i
                join meter m on m.id = i.meter_id
                join metering_point p on p.id = i.point_id
                where i.point_id = :point and i.installed_at < :to and (i.removed_at is null or i.removed_at > :from)
                  and %s
                order by i.installed_at""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("point", pointId).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Installation(rs.getLong("meter_id"), rs.getString("serial"),
                        rs.getString("manufacturer"), rs.getString("model"), (Integer) rs.getObject("register_digits"),
                        instant(rs, "installed_at"), instant(rs, "removed_at")))
                .list();
    }

    /**
     * The meters' current registers of {@link #QUANTITIES}, leaving out any register another point reads (the
     * pulse inputs of a Danfoss meter count a flat's water, not the heat carrier).
     */
    List<Register> registers(long pointId, List<Long> meterIds, AccessScope scope) {
        if (meterIds.isEmpty()) {
            return List.of();
        }
        return Sql.format("""
                select distinct r.id, r.meter_id, r.quantity, r.unit, r.tariff, r.subunit, r.qualifier
                from register r
                join meter_installation i on i.meter_id = r.meter_id
                join metering_point p on p.id = i.point_id
                where p.id = :point and r.meter_id in (:meters) and r.storage = 0 and r.function = 'INSTANTANEOUS'
                  and r.quantity in (:quantities) and %s
                  and not exists (
                      select 1 from meter_installation oi join metering_point op on op.id = oi.point_id
                      where oi.meter_id = r.meter_id and op.id <> p.id and op.quantity = r.quantity
                        and op.tariff = r.tariff and op.subunit = r.subunit)
                order by r.id""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("point", pointId).param("meters", meterIds)
                .param("quantities", QUANTITIES.stream().map(Quantity::name).toList())
                .query((rs, n) -> new Register(rs.getLong("id"), rs.getLong("meter_id"),
                        Quantity.valueOf(rs.getString("quantity")), rs.getString("unit"), rs.getInt("tariff"),
                        rs.getInt("subunit"), rs.getString("qualifier")))
                .list();
    }

    /** The registers' readings from {@code from} to {@code to} (both inclusive), oldest first, by register. */
    Map<Long, List<Sample>> readings(long pointId, List<Long> registerIds, Instant from, Instant to,
            AccessScope scope) {
        Map<Long, List<Sample>> out = new HashMap<>();
        if (registerIds.isEmpty()) {
            return out;
        }
        Sql.format("""
                with allowed as (
                    select distinct r.id from register r
                    join meter_installation i on i.meter_id = r.meter_id
                    join metering_point p on p.id = i.point_id
                    where r.id in (:registers) and p.id = :point and %s
                )
                select x.register_id, x.measured_at, x.value from reading x
                where x.register_id in (select id from allowed) and x.measured_at >= :from and x.measured_at <= :to
                order by x.register_id, x.measured_at""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("registers", registerIds).param("point", pointId)
                .param("from", utc(from)).param("to", utc(to))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("register_id"), k -> new ArrayList<>())
                            .add(new Sample(instant(rs, "measured_at"), rs.getBigDecimal("value")));
                });
        return out;
    }

    /** The meters' conditions raised or cleared before {@code to}, oldest first. */
    List<Event> events(long pointId, List<Long> meterIds, Instant to, AccessScope scope) {
        if (meterIds.isEmpty()) {
            return List.of();
        }
        return Sql.format("""
                select e.meter_id, e.occurred_at, e.kind, e.code from meter_event e
                where e.meter_id in (:meters) and e.occurred_at < :to and exists (
                    select 1 from meter_installation i join metering_point p on p.id = i.point_id
                    where i.meter_id = e.meter_id and p.id = :point and %s)
                order by e.occurred_at, e.id""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("meters", meterIds).param("point", pointId).param("to", utc(to))
                .query((rs, n) -> new Event(rs.getLong("meter_id"), instant(rs, "occurred_at"),
                        "RAISED".equals(rs.getString("kind")), rs.getString("code")))
                .list();
    }

    /**
     * The alarms of the meters that are abnormal situations (the heat range rules), overlapping the period: the
     * heat sheet's НС 1–3 are the alarm journal's, not a second computation of the same thing.
     */
    List<AlarmSpan> alarms(long pointId, List<Long> meterIds, Instant from, Instant to, AccessScope scope) {
        if (meterIds.isEmpty()) {
            return List.of();
        }
        List<String> rules = java.util.Arrays.stream(org.openamr.server.alarm.RuleKind.values())
                .filter(k -> AbnormalSituation.ofRule(k).isPresent()).map(Enum::name).toList();
        return Sql.format("""
                select a.rule, coalesce(a.raised_evidence_at, a.raised_at) as since,
                       coalesce(a.cleared_evidence_at, a.cleared_at) as until
                from alarm a join meter m on a.object_kind = 'METER' and a.object_id = m.public_id
                where m.id in (:meters) and a.rule in (:rules) and coalesce(a.raised_evidence_at, a.raised_at) < :to
                  and (a.cleared_at is null or coalesce(a.cleared_evidence_at, a.cleared_at) > :from) and exists (
                    select 1 from meter_installation i join metering_point p on p.id = i.point_id
                    where i.meter_id = m.id and p.id = :point and %s)
                order by since""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("meters", meterIds).param("rules", rules).param("point", pointId)
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new AlarmSpan(org.openamr.server.alarm.RuleKind.valueOf(rs.getString("rule")),
                        instant(rs, "since"), instant(rs, "until")))
                .list();
    }

    /** Each meter's firmware version as it last reported it before {@code to}, for meters that report one. */
    Map<Long, BigDecimal> firmware(long pointId, List<Long> meterIds, Instant to, AccessScope scope) {
        Map<Long, BigDecimal> out = new HashMap<>();
        if (meterIds.isEmpty()) {
            return out;
        }
        Sql.format("""
                select distinct on (r.meter_id) r.meter_id, x.value
                from register r join reading x on x.register_id = r.id
                where r.meter_id in (:meters) and r.quantity = 'FIRMWARE_VERSION' and r.storage = 0
                  and x.measured_at < :to and exists (
                    select 1 from meter_installation i join metering_point p on p.id = i.point_id
                    where i.meter_id = r.meter_id and p.id = :point and %s)
                order by r.meter_id, x.measured_at desc""", scope.wholeBuilding("p.building_id"))
                .on(jdbc).param("meters", meterIds).param("point", pointId).param("to", utc(to))
                .query(rs -> {
                    out.put(rs.getLong("meter_id"), rs.getBigDecimal("value"));
                });
        return out;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
