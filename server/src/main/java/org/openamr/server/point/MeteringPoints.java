package org.openamr.server.point;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metering points and their installation history, seen through an {@link AccessScope}. */
@Repository
public class MeteringPoints {

    private static final String COLUMNS =
            "select mp.id, mp.public_id, b.public_id as building_pid, p.public_id as premise_pid, mp.resource, mp.name,"
            + " mp.subunit";
    private static final String FROM =
            " from metering_point mp join building b on b.id = mp.building_id left join premise p on p.id = mp.premise_id";
    private static final String SELECT = COLUMNS + FROM;

    private final JdbcClient jdbc;

    public MeteringPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, UUID publicId, UUID building, UUID premise, MeteringPoint.Resource resource, String name,
                       int subunit) {
    }

    public record Ref(long id, long buildingId, Long premiseId) {
    }

    public Page<MeteringPoint> list(AccessScope scope, UUID building, UUID premise, int page, int size) {
        Sql where = scope.visible("mp.building_id", "mp.premise_id");
        if (building != null) {
            where = where.and(Sql.of("b.public_id = :building").param("building", building));
        }
        if (premise != null) {
            where = where.and(Sql.of("p.public_id = :premise").param("premise", premise));
        }
        Page<Row> rows = Page.of(jdbc, COLUMNS, Sql.format(FROM + " where %s", where),
                "b.address, p.number nulls first, mp.resource, mp.name", this::row, page, size);
        return new Page<>(rows.items().stream().map(this::withInstallations).toList(), page, size, rows.total());
    }

    public MeteringPoint get(AccessScope scope, UUID id) {
        return withInstallations(Sql.format(SELECT + " where mp.public_id = :id and %s",
                        scope.visible("mp.building_id", "mp.premise_id"))
                .on(jdbc).param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("metering point", id)));
    }

    public Ref ref(AccessScope scope, UUID id) {
        return Sql.format("select mp.id, mp.building_id, mp.premise_id from metering_point mp"
                        + " where mp.public_id = :id and %s", scope.visible("mp.building_id", "mp.premise_id"))
                .on(jdbc).param("id", id)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3))).optional()
                .orElseThrow(() -> new NotFoundException("metering point", id));
    }

    /** @param subunit the device of the meter that counts the point ({@link MeteringPoint#subunit()}) */
    public UUID create(long buildingId, Long premiseId, MeteringPoint.Resource resource, String name, int subunit) {
        return jdbc.sql("""
                insert into metering_point (building_id, premise_id, resource, name, subunit) values (?, ?, ?, ?, ?)
                returning public_id""").params(buildingId, premiseId, resource.name(), name, subunit)
                .query(UUID.class).single();
    }

    /**
     * Says which device of its meter counts a point that has never had a meter. Once a meter counted there, the
     * point's consumption is read from that register, so changing it would rewrite history: refused (409).
     */
    public void setSubunit(Ref point, int subunit) {
        int n = jdbc.sql("""
                update metering_point set subunit = ?
                where id = ? and not exists (select 1 from meter_installation where point_id = ?)""")
                .params(subunit, point.id(), point.id()).update();
        if (n == 0) {
            throw new ConflictException("a meter has counted at this point already: its subunit stays");
        }
    }

    /** Whether the premise (or, premise null, the building itself) has a point of this resource and name. */
    public boolean exists(long buildingId, Long premiseId, MeteringPoint.Resource resource, String name) {
        return jdbc.sql("""
                select exists (select 1 from metering_point where building_id = ? and premise_id is not distinct from ?
                               and resource = ? and name = ?)""")
                .params(buildingId, premiseId, resource.name(), name).query(Boolean.class).single();
    }

    /**
     * The installation a meter installed at the point from {@code at} on would overlap: one still in place
     * at that time, or one that begins later.
     */
    public Optional<MeteringPoint.Installation> occupant(Ref point, Instant at) {
        return jdbc.sql("""
                select m.public_id, m.serial, i.installed_at, i.removed_at, i.initial_value, i.final_value
                from meter_installation i join meter m on m.id = i.meter_id
                where i.point_id = ? and (i.removed_at is null or i.removed_at > ?)
                order by i.installed_at limit 1""").params(point.id(), Timestamp.from(at))
                .query(MeteringPoints::installation).optional();
    }

    /**
     * Installs a meter at a point from {@code at}. A meter still installed there is removed at the
     * same instant with its final value (a replacement). One meter may serve several points (a
     * Danfoss heat meter counts the flat's water on its pulse inputs), but one register never counts
     * for two points at once: the database refuses that (V6), and the API answers 409.
     */
    public void install(Ref point, long meterId, Instant at, BigDecimal initialValue, BigDecimal previousFinalValue) {
        List<Long> current = jdbc.sql("select id from meter_installation where point_id = ? and removed_at is null"
                + " and installed_at < ?").params(point.id(), Timestamp.from(at)).query(Long.class).list();
        for (long installation : current) {
            jdbc.sql("update meter_installation set removed_at = ?, final_value = coalesce(?, final_value) where id = ?")
                    .params(Timestamp.from(at), previousFinalValue, installation).update();
        }
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at, initial_value) values (?, ?, ?, ?)")
                .params(meterId, point.id(), Timestamp.from(at), initialValue).update();
    }

    /** Ends the meter's current installation at this point (meter taken away, no successor yet). */
    public void remove(Ref point, Instant at, BigDecimal finalValue) {
        int n = jdbc.sql("""
                update meter_installation set removed_at = ?, final_value = coalesce(?, final_value)
                where point_id = ? and removed_at is null and installed_at < ?""")
                .params(Timestamp.from(at), finalValue, point.id(), Timestamp.from(at)).update();
        if (n == 0) {
            throw new ConflictException("no meter is installed at this point before " + at);
        }
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getObject("public_id", UUID.class), rs.getObject("building_pid", UUID.class),
                rs.getObject("premise_pid", UUID.class), MeteringPoint.Resource.valueOf(rs.getString("resource")),
                rs.getString("name"), rs.getInt("subunit"));
    }

    private static MeteringPoint.Installation installation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new MeteringPoint.Installation(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                rs.getBigDecimal(5), rs.getBigDecimal(6));
    }

    private MeteringPoint withInstallations(Row r) {
        List<MeteringPoint.Installation> installations = jdbc.sql("""
                select m.public_id, m.serial, i.installed_at, i.removed_at, i.initial_value, i.final_value
                from meter_installation i join meter m on m.id = i.meter_id
                where i.point_id = ? order by i.installed_at""").param(r.id())
                .query(MeteringPoints::installation).list();
        return new MeteringPoint(r.publicId(), r.building(), r.premise(), r.resource(), r.name(), r.subunit(),
                installations);
    }
}
