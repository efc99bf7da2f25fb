package org.openamr.server.premise;

import java.math.BigDecimal;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Premises, seen through an {@link AccessScope}: a resident sees their own only. */
@Repository
public class Premises {

    private static final String COLUMNS = """
            select p.id, p.public_id, b.public_id as building_pid, e.number as entrance_no, p.number, p.kind,
                   p.floor, p.area_m2
            """;
    private static final String FROM =
            " from premise p join building b on b.id = p.building_id left join entrance e on e.id = p.entrance_id";
    private static final String SELECT = COLUMNS + FROM;

    private static final RowMapper<Premise> ROW = (rs, n) -> new Premise(rs.getObject("public_id", UUID.class),
            rs.getObject("building_pid", UUID.class), (Integer) rs.getObject("entrance_no"), rs.getString("number"),
            Premise.Kind.valueOf(rs.getString("kind")), (Integer) rs.getObject("floor"), rs.getBigDecimal("area_m2"));

    private final JdbcClient jdbc;

    public Premises(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Premise> list(AccessScope scope, UUID building, int page, int size) {
        Sql where = scope.visible("p.building_id", "p.id");
        if (building != null) {
            where = where.and(Sql.of("b.public_id = :building").param("building", building));
        }
        return Page.of(jdbc, COLUMNS, Sql.format(FROM + " where %s", where), "b.address, length(p.number), p.number",
                ROW, page, size);
    }

    public Premise get(AccessScope scope, UUID id) {
        return Sql.format(SELECT + " where p.public_id = :id and %s", scope.visible("p.building_id", "p.id"))
                .on(jdbc).param("id", id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("premise", id));
    }

    public record Ref(long id, long buildingId) {
    }

    public Ref ref(AccessScope scope, UUID id) {
        return Sql.format("select p.id, p.building_id from premise p where p.public_id = :id and %s",
                        scope.visible("p.building_id", "p.id"))
                .on(jdbc).param("id", id)
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new NotFoundException("premise", id));
    }

    public UUID create(long buildingId, Integer entrance, String number, Premise.Kind kind, Integer floor,
            BigDecimal area) {
        Long entranceId = entranceId(buildingId, entrance);
        return jdbc.sql("""
                insert into premise (building_id, entrance_id, number, kind, floor, area_m2)
                values (?, ?, ?, ?, ?, ?) returning public_id""")
                .params(buildingId, entranceId, number, kind.name(), floor, area).query(UUID.class).single();
    }

    public void update(Ref ref, Integer entrance, String number, Premise.Kind kind, Integer floor, BigDecimal area) {
        jdbc.sql("update premise set entrance_id = ?, number = ?, kind = ?, floor = ?, area_m2 = ? where id = ?")
                .params(entranceId(ref.buildingId(), entrance), number, kind.name(), floor, area, ref.id()).update();
    }

    private Long entranceId(long buildingId, Integer entrance) {
        if (entrance == null) {
            return null;
        }
        return jdbc.sql("select id from entrance where building_id = ? and number = ?").params(buildingId, entrance)
                .query(Long.class).optional()
                .orElseThrow(() -> new BadRequestException("entrance " + entrance + " does not exist in this building"));
    }
}
