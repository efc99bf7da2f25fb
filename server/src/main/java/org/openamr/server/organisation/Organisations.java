package org.openamr.server.organisation;

import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.openamr.server.unit.HeatUnit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Organisations. Everyone sees the organisations of buildings they see (a resident sees their
 * management company's name, which is on every bill); only an administrator creates or changes them.
 */
@Repository
public class Organisations {

    private static final RowMapper<Organisation> ROW = (rs, n) -> new Organisation(rs.getObject("public_id", UUID.class),
            Organisation.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("inn"),
            HeatUnit.valueOf(rs.getString("heat_unit")));

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Sql visible(AccessScope scope) {
        Sql seen = Sql.format("o.id in (select b.management_org_id from building b where %s)"
                + " or o.id in (select b.service_org_id from building b where %s)",
                scope.building("b.id"), scope.building("b.id"));
        if (scope instanceof AccessScope.Everything) {
            return Sql.TRUE;
        }
        if (scope instanceof AccessScope.ServiceCompany s) {
            return seen.or(Sql.of("o.id = :own_org").param("own_org", s.organisationId()));
        }
        if (scope instanceof AccessScope.ManagementCompany m) {
            return seen.or(Sql.of("o.id = :own_org").param("own_org", m.organisationId()));
        }
        return seen;
    }

    public List<Organisation> list(AccessScope scope) {
        return Sql.format("select o.* from organisation o where %s order by o.name", visible(scope))
                .on(jdbc).query(ROW).list();
    }

    public Organisation get(AccessScope scope, UUID id) {
        return Sql.format("select o.* from organisation o where o.public_id = :id and %s", visible(scope))
                .on(jdbc).param("id", id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /** The internal key of an organisation the scope sees. */
    public long internalId(AccessScope scope, UUID id) {
        return Sql.format("select o.id from organisation o where o.public_id = :id and %s", visible(scope))
                .on(jdbc).param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /** A new organisation showing heat in Gcal. */
    public Organisation create(Organisation.Kind kind, String name, String inn) {
        return create(kind, name, inn, null);
    }

    /** @param heatUnit null: Gcal */
    public Organisation create(Organisation.Kind kind, String name, String inn, HeatUnit heatUnit) {
        return jdbc.sql("insert into organisation (kind, name, inn, heat_unit) values (?, ?, ?, coalesce(?, 'GCAL'))"
                        + " returning *")
                .params(kind.name(), name, inn, heatUnit == null ? null : heatUnit.name()).query(ROW).single();
    }

    /** @param heatUnit null keeps the organisation's unit (a client that does not know the field changes nothing) */
    public Organisation update(UUID id, String name, String inn, HeatUnit heatUnit) {
        return jdbc.sql("update organisation set name = ?, inn = ?, heat_unit = coalesce(?, heat_unit)"
                        + " where public_id = ? returning *")
                .params(name, inn, heatUnit == null ? null : heatUnit.name(), id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /**
     * The heat unit of the management company of a building the scope sees (a resident's too: it is their
     * company's way of showing their bill).
     */
    public HeatUnit heatUnitOfBuilding(AccessScope scope, UUID building) {
        return Sql.format("""
                select o.heat_unit from building b join organisation o on o.id = b.management_org_id
                where b.public_id = :building and %s""", scope.building("b.id"))
                .on(jdbc).param("building", building).query(String.class).optional().map(HeatUnit::valueOf)
                .orElseThrow(() -> new NotFoundException("building", building));
    }
}
