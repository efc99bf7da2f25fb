package org.openamr.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.security.Role;
import org.openamr.server.user.UserService.Account;
import org.openamr.server.user.UserService.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts in {@code app_user}, for managing them; {@link UserService} holds the rules. Sign-in reads the same
 * table through {@code security.UserAccounts}.
 */
@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What an account is stored with; a null password hash keeps the stored one. */
    record Row(String username, String passwordHash, String displayName, Role role, Long organisation, Long premise,
               boolean enabled) {
    }

    private static final String PROFILE = """
            select u.public_id, u.username, u.display_name, u.role, o.public_id as org, p.public_id as premise, u.enabled
            from app_user u left join organisation o on o.id = u.organisation_id left join premise p on p.id = u.premise_id
            """;

    private static Profile profile(ResultSet rs, int n) throws SQLException {
        return new Profile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getBoolean(7));
    }

    private static final String ACCOUNT = """
            select u.public_id, u.username, u.display_name, u.role, o.public_id as org, o.name as org_name,
                   p.public_id as premise, p.number, b.public_id as building, b.address, u.enabled, u.created_at
            from app_user u left join organisation o on o.id = u.organisation_id
            left join premise p on p.id = u.premise_id left join building b on b.id = p.building_id
            """;

    /** The account in the row, not yet knowing whether the login throttle refuses it. */
    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getObject("public_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getObject("org", UUID.class),
                rs.getString("org_name"), rs.getObject("premise", UUID.class), rs.getString("number"),
                rs.getObject("building", UUID.class), rs.getString("address"), rs.getBoolean("enabled"),
                false, rs.getTimestamp("created_at").toInstant());
    }

    Profile profile(long internalId) {
        return jdbc.sql(PROFILE + " where u.id = ?").param(internalId).query(UserRepository::profile).single();
    }

    Optional<Profile> profile(UUID id) {
        return jdbc.sql(PROFILE + " where u.public_id = ?").param(id).query(UserRepository::profile).optional();
    }

    List<Profile> profiles(int page, int size) {
        return jdbc.sql(PROFILE + " order by u.username limit ? offset ?").params(size, (long) page * size)
                .query(UserRepository::profile).list();
    }

    long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    List<Account> accounts(int page, int size) {
        return jdbc.sql(ACCOUNT + " order by lower(u.username) limit ? offset ?")
                .params(size, (long) page * size).query(UserRepository::account).list();
    }

    Optional<Account> account(UUID id) {
        return jdbc.sql(ACCOUNT + " where u.public_id = ?").param(id).query(UserRepository::account).optional();
    }

    UUID insert(Row row) {
        return jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, organisation_id, premise_id, enabled)
                values (?, ?, ?, ?, ?, ?, ?) returning public_id""")
                .params(row.username(), row.passwordHash(), row.displayName(), row.role().name(), row.organisation(),
                        row.premise(), row.enabled())
                .query(UUID.class).single();
    }

    /** @return rows changed: 0 when there is no such account */
    int update(UUID id, Row row) {
        return jdbc.sql("""
                update app_user set username = ?, display_name = ?, role = ?, organisation_id = ?, premise_id = ?,
                       enabled = ?, password_hash = coalesce(?, password_hash)
                where public_id = ?""")
                .params(row.username(), row.displayName(), row.role().name(), row.organisation(), row.premise(),
                        row.enabled(), row.passwordHash(), id)
                .update();
    }

    /** An account's id and password hash, for checking a password without signing in. */
    record Credentials(UUID id, String passwordHash) {
    }

    /** The account sign-in finds under this name: names are compared without regard to case. */
    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select public_id, password_hash from app_user where lower(username) = lower(?)")
                .param(username).query((rs, n) -> new Credentials(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    /** The internal key of an account, for the rows that refer to it (its API tokens). */
    Optional<Long> internalId(UUID id) {
        return jdbc.sql("select id from app_user where public_id = ?").param(id).query(Long.class).optional();
    }

    int setPasswordHash(UUID id, String hash) {
        return jdbc.sql("update app_user set password_hash = ? where public_id = ?").params(hash, id).update();
    }

    int disable(UUID id) {
        return jdbc.sql("update app_user set enabled = false where public_id = ?").param(id).update();
    }

    /** @return the account's user name, empty when there is no such account */
    Optional<String> enable(UUID id) {
        return jdbc.sql("update app_user set enabled = true where public_id = ? returning username")
                .param(id).query(String.class).optional();
    }

    int delete(UUID id) {
        return jdbc.sql("delete from app_user where public_id = ?").param(id).update();
    }

    /** Writes to the audit log what its triggers cannot see (a new password, the throttle). */
    void auditNote(String actor, String action, UUID id) {
        jdbc.sql("""
                insert into audit_log (actor, action, entity, entity_id)
                select ?, ?, 'app_user', id::text from app_user where public_id = ?""")
                .params(actor, action, id).update();
    }

    boolean isAccount(UUID id, long internalId) {
        return jdbc.sql("select exists (select 1 from app_user where public_id = ? and id = ?)")
                .params(id, internalId).query(Boolean.class).single();
    }

    /** Whether another account than {@code except} has this name, compared without regard to case. */
    boolean nameTaken(String username, UUID except) {
        return jdbc.sql("""
                select exists (select 1 from app_user where lower(username) = lower(?)
                               and public_id is distinct from ?)""").params(username, except)
                .query(Boolean.class).single();
    }

    /** Whether an administrator exists, after waiting for any other instance's first start. */
    boolean adminExists() {
        // two instances starting on one empty database must not both create one
        jdbc.sql("select pg_advisory_xact_lock(hashtext('initial_admin'))").query(Object.class).optional();
        return jdbc.sql("select exists (select 1 from app_user where role = 'ADMIN')").query(Boolean.class).single();
    }

    /** The first administrator, {@code admin}, written to the audit log as the first start's doing. */
    void insertFirstAdmin(String passwordHash, String displayName) {
        jdbc.sql("select set_config('openamr.actor', 'system:first-start', true)").query(String.class).single();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role) values ('admin', ?, ?, 'ADMIN')"
                        + " on conflict (username) do nothing")
                .params(passwordHash, displayName).update();
    }
}
