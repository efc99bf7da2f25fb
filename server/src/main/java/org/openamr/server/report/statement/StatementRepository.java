package org.openamr.server.report.statement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a statement shows beside the consumption service's figures: each premise's entrance and personal account
 * (the meters' verification dates come with the consumption service's installations), and the ГИС ЖКХ device
 * identifiers of the upload. Within the caller's scope.
 */
@Repository
class StatementRepository {

    /** @param entrance null when the register does not place the premise in an entrance */
    record PremiseInfo(Integer entrance, String personalAccount) {
    }

    private final JdbcClient jdbc;

    StatementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The buildings' premises the scope may see, by premise id. */
    Map<Long, PremiseInfo> premises(List<Long> buildingIds, AccessScope scope) {
        Map<Long, PremiseInfo> out = new HashMap<>();
        Sql.format("""
                select pr.id, e.number as entrance, pr.personal_account
                from premise pr left join entrance e on e.id = pr.entrance_id
                where pr.building_id in (:buildings) and %s""", scope.visible("pr.building_id", "pr.id"))
                .on(jdbc).param("buildings", buildingIds).query(rs -> {
                    int entrance = rs.getInt("entrance");
                    out.put(rs.getLong("id"), new PremiseInfo(rs.wasNull() ? null : entrance,
                            rs.getString("personal_account")));
                });
        return out;
    }

    /** The ГИС ЖКХ device identifier of every meter ever installed at the building's points the scope sees, by serial. */
    Map<String, java.util.UUID> gisDeviceGuids(long buildingId, AccessScope scope) {
        Map<String, java.util.UUID> out = new HashMap<>();
        Sql.format("""
                select distinct m.serial, m.gis_device_guid
                from meter m join meter_installation mi on mi.meter_id = m.id
                     join metering_point p on p.id = mi.point_id
                where p.building_id = :building and m.gis_device_guid is not null and %s""",
                scope.visible("p.building_id", "p.premise_id"))
                .on(jdbc).param("building", buildingId).query(rs -> {
                    out.put(rs.getString("serial"), rs.getObject("gis_device_guid", java.util.UUID.class));
                });
        return out;
    }
}
