package org.openamr.server.report;

import org.openamr.server.unit.HeatUnit;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.consumption.TargetKind;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a report's {@code scope} names, within what the caller may see: a building or an entrance (sums over other
 * people's apartments, so the whole building must be visible), a premise, or nothing (every building the caller
 * sees in full; a resident's own apartment). The same rules as consumption's targets.
 */
@Repository
public class ReportScopes {

    /**
     * A building, entrance or premise a report covers.
     *
     * @param entrance the entrance's number, for an ENTRANCE
     * @param premise  the premise's number, for a PREMISE
     */
    public record Subject(TargetKind kind, UUID id, long buildingId, UUID buildingPublicId, String address,
                          ZoneId zone, Integer entrance, String premise) {
    }

    private final JdbcClient jdbc;

    public ReportScopes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The subjects of a report: the one named, or for none every building visible as a whole (by address), or a
     * resident's own premise.
     *
     * @throws NotFoundException when the id is no building, entrance or premise the caller may see
     */
    public List<Subject> of(UUID id, AccessScope scope) {
        if (id == null) {
            List<Subject> all = buildings(scope);
            return all.isEmpty() && scope instanceof AccessScope.Resident r ? List.of(premise(r.premiseId())) : all;
        }
        return find(id, scope).map(List::of).orElseThrow(() -> new NotFoundException("scope", id));
    }

    /** The heat unit of the one management company all the subjects' buildings belong to; empty for several. */
    public Optional<HeatUnit> heatUnitOf(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        List<String> units = jdbc.sql("""
                select distinct o.id, o.heat_unit from building b join organisation o on o.id = b.management_org_id
                where b.id in (:buildings)""")
                .param("buildings", subjects.stream().map(Subject::buildingId).distinct().toList())
                .query((rs, n) -> rs.getString("heat_unit")).list();
        return units.size() == 1 ? Optional.of(HeatUnit.valueOf(units.get(0))) : Optional.empty();
    }

    private Optional<Subject> find(UUID id, AccessScope scope) {
        Optional<Subject> b = query(Sql.format("""
                select 'BUILDING' as kind, b.public_id as id, b.id as building_id, b.public_id as building_public_id,
                       b.address, b.time_zone, null::int as entrance, null as premise
                from building b where b.public_id = :id and %s""", scope.wholeBuilding("b.id")), id).stream()
                .findFirst();
        if (b.isPresent()) {
            return b;
        }
        Optional<Subject> e = query(Sql.format("""
                select 'ENTRANCE' as kind, e.public_id as id, b.id as building_id, b.public_id as building_public_id,
                       b.address, b.time_zone, e.number as entrance, null as premise
                from entrance e join building b on b.id = e.building_id
                where e.public_id = :id and %s""", scope.wholeBuilding("b.id")), id).stream().findFirst();
        if (e.isPresent()) {
            return e;
        }
        return query(Sql.format("""
                select 'PREMISE' as kind, pr.public_id as id, b.id as building_id, b.public_id as building_public_id,
                       b.address, b.time_zone, en.number as entrance, pr.number as premise
                from premise pr join building b on b.id = pr.building_id left join entrance en on en.id = pr.entrance_id
                where pr.public_id = :id and %s""", scope.visible("pr.building_id", "pr.id")), id).stream()
                .findFirst();
    }

    private List<Subject> buildings(AccessScope scope) {
        return Sql.format("""
                select 'BUILDING' as kind, b.public_id as id, b.id as building_id, b.public_id as building_public_id,
                       b.address, b.time_zone, null::int as entrance, null as premise
                from building b where %s order by b.address, b.id""", scope.wholeBuilding("b.id"))
                .on(jdbc).query((rs, n) -> subject(rs)).list();
    }

    private Subject premise(long premiseId) {
        return jdbc.sql("""
                select 'PREMISE' as kind, pr.public_id as id, b.id as building_id, b.public_id as building_public_id,
                       b.address, b.time_zone, en.number as entrance, pr.number as premise
                from premise pr join building b on b.id = pr.building_id left join entrance en on en.id = pr.entrance_id
                where pr.id = ?""").param(premiseId).query((rs, n) -> subject(rs)).single();
    }

    private List<Subject> query(Sql sql, UUID id) {
        return sql.on(jdbc).param("id", id).query((rs, n) -> subject(rs)).list();
    }

    private static Subject subject(java.sql.ResultSet rs) throws java.sql.SQLException {
        int entrance = rs.getInt("entrance");
        return new Subject(TargetKind.valueOf(rs.getString("kind")), rs.getObject("id", UUID.class),
                rs.getLong("building_id"), rs.getObject("building_public_id", UUID.class), rs.getString("address"),
                ZoneId.of(rs.getString("time_zone")), rs.wasNull() ? null : entrance, rs.getString("premise"));
    }
}
