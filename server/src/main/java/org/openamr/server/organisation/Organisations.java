package org.openamr.server.organisation;

import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.security.AccessScope;
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
            Organisation.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("inn"));

    private final JdbcClient jdbc;

    public Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String visible(AccessScope scope) {
        return "(o.id in (select b.management_org_id from building b where " + scope.building("b.id") + ")"
                + " or o.id in (select b.service_org_id from building b where " + scope.building("b.id") + ")"
                + (scope instanceof AccessScope.Everything ? " or true" : "")
                + (scope instanceof AccessScope.ServiceCompany s ? " or o.id = " + s.organisationId() : "")
                + (scope instanceof AccessScope.ManagementCompany m ? " or o.id = " + m.organisationId() : "")
                + ")";
    }

    public List<Organisation> list(AccessScope scope) {
        return jdbc.sql("select o.* from organisation o where " + visible(scope) + " order by o.name")
                .params(scope.params()).query(ROW).list();
    }

    public Organisation get(AccessScope scope, UUID id) {
        return jdbc.sql("select o.* from organisation o where o.public_id = :id and " + visible(scope))
                .params(scope.params()).param("id", id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /** The internal key of an organisation the scope sees. */
    public long internalId(AccessScope scope, UUID id) {
        return jdbc.sql("select o.id from organisation o where o.public_id = :id and " + visible(scope))
                .params(scope.params()).param("id", id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    public Organisation create(Organisation.Kind kind, String name, String inn) {
        return jdbc.sql("insert into organisation (kind, name, inn) values (?, ?, ?) returning *")
                .params(kind.name(), name, inn).query(ROW).single();
    }

    public Organisation update(UUID id, String name, String inn) {
        return jdbc.sql("update organisation set name = ?, inn = ? where public_id = ? returning *")
                .params(name, inn, id).query(ROW).optional()
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }
}
