package org.openamr.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.organisation.Organisation;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.premise.Premises;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts, for administrators, through the API and the web pages alike: who may act (administrators
 * only), what an account must have (a role's organisation or premise, a password of
 * {@value #MIN_PASSWORD}–{@value #MAX_PASSWORD} characters), and that every change is in the audit log.
 * An administrator cannot lock, demote or delete their own account, so that nobody shuts the last door
 * behind them.
 */
@Service
public class Users {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final Premises premises;
    private final LoginThrottle throttle;
    private final CurrentUser current;
    private final AuditActor audit;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Organisations organisations, Premises premises,
            LoginThrottle throttle, CurrentUser current, AuditActor audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organisations = organisations;
        this.premises = premises;
        this.throttle = throttle;
        this.current = current;
        this.audit = audit;
    }

    public record Profile(UUID id, String username, String displayName, Role role, UUID organisation, UUID premise,
                          boolean enabled) {
    }

    /**
     * An account as the administrators' page lists it: its scope by name, and whether the login throttle
     * refuses it at the moment (on this server instance).
     */
    public record Account(UUID id, String username, String displayName, Role role, UUID organisation,
                          String organisationName, UUID premise, String premiseNumber, UUID building,
                          String buildingAddress, boolean enabled, boolean throttled, Instant createdAt) {
    }

    /** A new account or an account's new state; a null password keeps the old one. */
    public record Input(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{3,64}$", message = "3–64 letters, digits or ._@-")
                        String username,
                        @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "a password has 10–200 characters")
                        String password, @Size(max = 200) String displayName, @NotNull Role role, UUID organisation, UUID premise,
                        Boolean enabled) {
    }

    private static final String PROFILE = """
            select u.public_id, u.username, u.display_name, u.role, o.public_id as org, p.public_id as premise, u.enabled
            from app_user u left join organisation o on o.id = u.organisation_id left join premise p on p.id = u.premise_id
            """;

    private static Profile profile(ResultSet rs, int n) throws SQLException {
        return new Profile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getBoolean(7));
    }

    /** The caller's own account: for everybody. */
    public Profile me() {
        return jdbc.sql(PROFILE + " where u.id = ?").param(current.user().id()).query(Users::profile).single();
    }

    public Page<Profile> list(int page, int size) {
        admin();
        Page.check(page, size);
        List<Profile> items = jdbc.sql(PROFILE + " order by u.username limit ? offset ?").params(size, (long) page * size)
                .query(Users::profile).list();
        return new Page<>(items, page, size, jdbc.sql("select count(*) from app_user").query(Long.class).single());
    }

    private static final String ACCOUNT = """
            select u.public_id, u.username, u.display_name, u.role, o.public_id as org, o.name as org_name,
                   p.public_id as premise, p.number, b.public_id as building, b.address, u.enabled, u.created_at
            from app_user u left join organisation o on o.id = u.organisation_id
            left join premise p on p.id = u.premise_id left join building b on b.id = p.building_id
            """;

    private Account accountRow(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getObject("public_id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getObject("org", UUID.class),
                rs.getString("org_name"), rs.getObject("premise", UUID.class), rs.getString("number"),
                rs.getObject("building", UUID.class), rs.getString("address"), rs.getBoolean("enabled"),
                throttle.userBlocked(rs.getString("username")), rs.getTimestamp("created_at").toInstant());
    }

    public Page<Account> accounts(int page, int size) {
        admin();
        Page.check(page, size);
        List<Account> items = jdbc.sql(ACCOUNT + " order by lower(u.username) limit ? offset ?")
                .params(size, (long) page * size).query(this::accountRow).list();
        return new Page<>(items, page, size, jdbc.sql("select count(*) from app_user").query(Long.class).single());
    }

    public Account account(UUID id) {
        admin();
        return jdbc.sql(ACCOUNT + " where u.public_id = ?").param(id).query(this::accountRow).optional()
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    public Profile get(UUID id) {
        admin();
        return jdbc.sql(PROFILE + " where u.public_id = ?").param(id).query(Users::profile).optional()
                .orElseThrow(() -> new NotFoundException("user", id));
    }

    @Transactional
    public Profile create(Input in) {
        AccessScope scope = actingAdmin();
        if (in.password() == null) {
            throw new UserRuleException(UserRuleException.Rule.PASSWORD_REQUIRED);
        }
        Long org = organisationFor(scope, in);
        Long premise = premiseFor(scope, in);
        usernameFree(in.username(), null);
        UUID id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, organisation_id, premise_id, enabled)
                values (?, ?, ?, ?, ?, ?, ?) returning public_id""")
                .params(in.username(), passwords.encode(in.password()), displayName(in), in.role().name(), org, premise,
                        in.enabled() == null || in.enabled())
                .query(UUID.class).single();
        return get(id);
    }

    @Transactional
    public Profile update(UUID id, Input in) {
        AccessScope scope = actingAdmin();
        Long org = organisationFor(scope, in);
        Long premise = premiseFor(scope, in);
        boolean enabled = in.enabled() == null || in.enabled();
        if (in.role() != Role.ADMIN || !enabled) {
            notOwn(id);
        }
        usernameFree(in.username(), id);
        found(jdbc.sql("""
                update app_user set username = ?, display_name = ?, role = ?, organisation_id = ?, premise_id = ?,
                       enabled = ?, password_hash = coalesce(?, password_hash)
                where public_id = ?""")
                .params(in.username(), displayName(in), in.role().name(), org, premise, enabled,
                        in.password() == null ? null : passwords.encode(in.password()), id)
                .update(), id);
        if (in.password() != null) {
            note(scope, "PASSWORD_SET", id);
        }
        return get(id);
    }

    /** Sets a new password; the audit log says that it changed, never what it is. */
    @Transactional
    public void resetPassword(UUID id, String password) {
        AccessScope scope = actingAdmin();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new UserRuleException(UserRuleException.Rule.PASSWORD_LENGTH, MIN_PASSWORD, MAX_PASSWORD);
        }
        found(jdbc.sql("update app_user set password_hash = ? where public_id = ?")
                .params(passwords.encode(password), id).update(), id);
        note(scope, "PASSWORD_SET", id);
    }

    /** Refuses the account every sign-in, by password and by its API tokens, until it is unlocked. */
    @Transactional
    public void lock(UUID id) {
        actingAdmin();
        notOwn(id);
        found(jdbc.sql("update app_user set enabled = false where public_id = ?").param(id).update(), id);
    }

    /** Enables the account and lifts the login throttle's refusal after failed sign-ins (on this instance). */
    @Transactional
    public void unlock(UUID id) {
        AccessScope scope = actingAdmin();
        String username = jdbc.sql("update app_user set enabled = true where public_id = ? returning username")
                .param(id).query(String.class).optional().orElseThrow(() -> new NotFoundException("user", id));
        if (throttle.userBlocked(username)) {
            throttle.release(username);
            note(scope, "THROTTLE_RELEASED", id);
        }
    }

    /** Deletes an account with its API tokens; the audit log keeps what it did, under its name. */
    @Transactional
    public void delete(UUID id) {
        actingAdmin();
        notOwn(id);
        found(jdbc.sql("delete from app_user where public_id = ?").param(id).update(), id);
    }

    /** {@link #admin()} for a change: names the administrator in the audit log of this transaction. */
    private AccessScope actingAdmin() {
        AccessScope scope = admin();
        audit.set(scope.actor());
        return scope;
    }

    private AccessScope admin() {
        AccessScope scope = current.scope();
        if (scope.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators manage accounts");
        }
        return scope;
    }

    /**
     * What the audit triggers cannot see: a new password (hashes are kept out of the log, so the row looks
     * unchanged) and the throttle, which is not in the database.
     */
    private void note(AccessScope scope, String action, UUID id) {
        jdbc.sql("""
                insert into audit_log (actor, action, entity, entity_id)
                select ?, ?, 'app_user', id::text from app_user where public_id = ?""")
                .params(scope.actor(), action, id).update();
    }

    private boolean isCaller(UUID id) {
        return jdbc.sql("select exists (select 1 from app_user where public_id = ? and id = ?)")
                .params(id, current.user().id()).query(Boolean.class).single();
    }

    private void notOwn(UUID id) {
        if (isCaller(id)) {
            throw new UserRuleException(UserRuleException.Rule.OWN_ACCOUNT);
        }
    }

    private static void found(int rows, UUID id) {
        if (rows == 0) {
            throw new NotFoundException("user", id);
        }
    }

    /** Sign-in matches user names without regard to case, so two may not differ only in it. */
    private void usernameFree(String username, UUID except) {
        boolean taken = jdbc.sql("""
                select exists (select 1 from app_user where lower(username) = lower(?)
                               and public_id is distinct from ?)""").params(username, except)
                .query(Boolean.class).single();
        if (taken) {
            throw new UsernameTakenException(username);
        }
    }

    private static String displayName(Input in) {
        return in.displayName() == null ? "" : in.displayName().trim();
    }

    private Long organisationFor(AccessScope scope, Input in) {
        Organisation.Kind kind = switch (in.role()) {
            case OPERATOR -> Organisation.Kind.SERVICE;
            case MANAGER -> Organisation.Kind.MANAGEMENT;
            default -> null;
        };
        if ((kind != null) != (in.organisation() != null)) {
            throw new UserRuleException(kind != null ? UserRuleException.Rule.ORGANISATION_REQUIRED
                    : UserRuleException.Rule.NO_ORGANISATION, in.role());
        }
        if (kind == null) {
            return null;
        }
        // an operator of a management company (or the reverse) would see no building at all
        if (organisations.get(scope, in.organisation()).kind() != kind) {
            throw new UserRuleException(UserRuleException.Rule.ORGANISATION_KIND, in.role());
        }
        return organisations.internalId(scope, in.organisation());
    }

    private Long premiseFor(AccessScope scope, Input in) {
        boolean needs = in.role() == Role.RESIDENT;
        if (needs != (in.premise() != null)) {
            throw new UserRuleException(needs ? UserRuleException.Rule.PREMISE_REQUIRED
                    : UserRuleException.Rule.NO_PREMISE, in.role());
        }
        return needs ? premises.ref(scope, in.premise()).id() : null;
    }
}
