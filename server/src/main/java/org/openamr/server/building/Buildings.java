package org.openamr.server.building;

import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buildings and their entrances, always seen through an {@link AccessScope}. */
@Repository
public class Buildings {

    private static final String SELECT = """
            select b.id, b.public_id, b.address, b.fias_id, b.gis_id, b.time_zone,
                   mo.public_id as management_pid, so.public_id as service_pid
            from building b
            join organisation mo on mo.id = b.management_org_id
            left join organisation so on so.id = b.service_org_id
            """;

    private final JdbcClient jdbc;

    public Buildings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(long id, Building building) {
    }

    public Page<Building> list(AccessScope scope, int page, int size) {
        Page.check(page, size);
        List<Row> rows = Sql.format(SELECT + " where %s order by b.address limit :size offset :offset",
                        scope.building("b.id"))
                .on(jdbc).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Row(rs.getLong("id"), map(rs, List.of()))).list();
        long total = Sql.format("select count(*) from building b where %s", scope.building("b.id"))
                .on(jdbc).query(Long.class).single();
        return new Page<>(rows.stream().map(r -> withEntrances(r)).toList(), page, size, total);
    }

    public Building get(AccessScope scope, UUID id) {
        Row row = Sql.format(SELECT + " where b.public_id = :id and %s", scope.building("b.id"))
                .on(jdbc).param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), map(rs, List.of()))).optional()
                .orElseThrow(() -> new NotFoundException("building", id));
        return withEntrances(row);
    }

    /** The internal key of a building the scope sees (its record, not necessarily all its premises). */
    public long internalId(AccessScope scope, UUID id) {
        return Sql.format("select b.id from building b where b.public_id = :id and %s", scope.building("b.id"))
                .on(jdbc).param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("building", id));
    }

    public long create(String address, UUID fias, String gis, long managementOrgId, Long serviceOrgId, String zone) {
        return jdbc.sql("""
                insert into building (address, fias_id, gis_id, management_org_id, service_org_id, time_zone)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(address, fias, gis, managementOrgId, serviceOrgId, zone).query(Long.class).single();
    }

    public void update(long id, String address, UUID fias, String gis, String zone) {
        jdbc.sql("update building set address = ?, fias_id = ?, gis_id = ?, time_zone = ? where id = ?")
                .params(address, fias, gis, zone, id).update();
    }

    public UUID publicId(long id) {
        return jdbc.sql("select public_id from building where id = ?").param(id).query(UUID.class).single();
    }

    public Building.Entrance addEntrance(long buildingId, int number) {
        return jdbc.sql("insert into entrance (building_id, number) values (?, ?) returning public_id, number")
                .params(buildingId, number)
                .query((rs, n) -> new Building.Entrance(rs.getObject(1, UUID.class), rs.getInt(2))).single();
    }

    private Building withEntrances(Row row) {
        List<Building.Entrance> entrances = jdbc.sql("select public_id, number from entrance where building_id = ? order by number")
                .param(row.id()).query((rs, n) -> new Building.Entrance(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        Building b = row.building();
        return new Building(b.id(), b.address(), b.fiasId(), b.gisId(), b.managementCompany(), b.serviceCompany(),
                b.timeZone(), entrances);
    }

    private static Building map(java.sql.ResultSet rs, List<Building.Entrance> entrances) throws java.sql.SQLException {
        return new Building(rs.getObject("public_id", UUID.class), rs.getString("address"),
                rs.getObject("fias_id", UUID.class), rs.getString("gis_id"), rs.getObject("management_pid", UUID.class),
                rs.getObject("service_pid", UUID.class), rs.getString("time_zone"), entrances);
    }
}
