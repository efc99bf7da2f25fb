package org.openamr.server.security;

import org.openamr.server.sql.Sql;

/**
 * The slice of the registry a user may see, as SQL: every repository query that returns or changes
 * data of buildings, premises, points, meters, readings or events adds the predicate of the caller's
 * scope. Access is thereby decided in the data layer, whatever URL or code path asks.
 *
 * <p>A predicate is written against a building id column and, for premise-level data, a premise id
 * column (null for building-level rows such as the common house meter). Predicates are {@link Sql}
 * fragments that carry their parameters, combined with {@link Sql#and}/{@link Sql#format}, never glued
 * as strings. Parameters are named {@code scope_*} so that they never collide with a query's own.
 */
public sealed interface AccessScope {

    Role role();

    /** Who acts, as written in the audit log. */
    String actor();

    /** SQL that is true for rows this scope may see. */
    Sql visible(String buildingColumn, String premiseColumn);

    /** Whether this scope may change registry data it can see (buildings, premises, points, meters). */
    boolean mayEditRegistry();

    /** Whether this scope may manage channels, schedules and run polls for buildings it can see. */
    boolean mayOperateChannels();

    /** SQL that is true for buildings whose record (address, entrances) this scope may see. */
    default Sql building(String buildingColumn) {
        return visible(buildingColumn, "null");
    }

    /** SQL that is true for buildings this scope may see in full (all premises), e.g. for building totals. */
    default Sql wholeBuilding(String buildingColumn) {
        return visible(buildingColumn, "null");
    }

    record Everything(String actor) implements AccessScope {
        public Role role() {
            return Role.ADMIN;
        }

        public Sql visible(String buildingColumn, String premiseColumn) {
            return Sql.TRUE;
        }

        public boolean mayEditRegistry() {
            return true;
        }

        public boolean mayOperateChannels() {
            return true;
        }
    }

    record ServiceCompany(String actor, long organisationId) implements AccessScope {
        public Role role() {
            return Role.OPERATOR;
        }

        public Sql visible(String buildingColumn, String premiseColumn) {
            return Sql.of("exists (select 1 from building scope_b where scope_b.id = " + buildingColumn
                    + " and scope_b.service_org_id = :scope_org)").param("scope_org", organisationId);
        }

        public boolean mayEditRegistry() {
            return true;
        }

        public boolean mayOperateChannels() {
            return true;
        }
    }

    record ManagementCompany(String actor, long organisationId) implements AccessScope {
        public Role role() {
            return Role.MANAGER;
        }

        public Sql visible(String buildingColumn, String premiseColumn) {
            return Sql.of("exists (select 1 from building scope_b where scope_b.id = " + buildingColumn
                    + " and scope_b.management_org_id = :scope_org)").param("scope_org", organisationId);
        }

        public boolean mayEditRegistry() {
            return true;
        }

        public boolean mayOperateChannels() {
            return false;
        }
    }

    /** Sees only rows of their premise; building-level rows (premise column null) stay hidden. */
    record Resident(String actor, long premiseId) implements AccessScope {
        public Role role() {
            return Role.RESIDENT;
        }

        public Sql visible(String buildingColumn, String premiseColumn) {
            return Sql.of("(" + premiseColumn + ") = :scope_premise").param("scope_premise", premiseId);
        }

        @Override
        public Sql wholeBuilding(String buildingColumn) {
            return Sql.FALSE;
        }

        @Override
        public Sql building(String buildingColumn) {
            return Sql.of(buildingColumn + " = (select scope_p.building_id from premise scope_p"
                    + " where scope_p.id = :scope_premise)").param("scope_premise", premiseId);
        }

        public boolean mayEditRegistry() {
            return false;
        }

        public boolean mayOperateChannels() {
            return false;
        }
    }
}
