package org.openamr.server.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.organisation.Organisation;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.LoginThrottle;
import org.openamr.server.security.Role;
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
public class UserService {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;

    private final UserRepository repository;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final Premises premises;
    private final LoginThrottle throttle;
    private final CurrentUser current;
    private final AuditActor audit;

    UserService(UserRepository repository, PasswordEncoder passwords, Organisations organisations, Premises premises,
            LoginThrottle throttle, CurrentUser current, AuditActor audit) {
        this.repository = repository;
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

        Account withThrottled(boolean now) {
            return new Account(id, username, displayName, role, organisation, organisationName, premise, premiseNumber,
                    building, buildingAddress, enabled, now, createdAt);
        }
    }

    /** A new account or an account's new state; a null password keeps the old one. */
    public record Input(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{3,64}$", message = "3–64 letters, digits or ._@-")
                        String username,
                        @Size(min = MIN_PASSWORD, max = MAX_PASSWORD, message = "a password has 10–200 characters")
                        String password, @Size(max = 200) String displayName, @NotNull Role role, UUID organisation, UUID premise,
                        Boolean enabled) {
    }

    /** The caller's own account: for everybody. */
    public Profile me() {
        return repository.profile(current.user().id());
    }

    public Page<Profile> list(int page, int size) {
        admin();
        Page.check(page, size);
        List<Profile> items = repository.profiles(page, size);
        return new Page<>(items, page, size, repository.count());
    }

    private Account withThrottle(Account a) {
        return a.withThrottled(throttle.userBlocked(a.username()));
    }

    public Page<Account> accounts(int page, int size) {
        admin();
        Page.check(page, size);
        List<Account> items = repository.accounts(page, size).stream().map(this::withThrottle).toList();
        return new Page<>(items, page, size, repository.count());
    }

    public Account account(UUID id) {
        admin();
        return repository.account(id).map(this::withThrottle).orElseThrow(() -> new NotFoundException("user", id));
    }

    public Profile get(UUID id) {
        admin();
        return repository.profile(id).orElseThrow(() -> new NotFoundException("user", id));
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
        UUID id = repository.insert(new UserRepository.Row(in.username(), passwords.encode(in.password()),
                displayName(in), in.role(), org, premise, in.enabled() == null || in.enabled()));
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
        found(repository.update(id, new UserRepository.Row(in.username(),
                in.password() == null ? null : passwords.encode(in.password()), displayName(in), in.role(), org, premise,
                enabled)), id);
        if (in.password() != null) {
            note(scope, "PASSWORD_SET", id);
        }
        return get(id);
    }

    /** Sets a new password; the audit log says that it changed, never what it is. */
    @Transactional
    public void resetPassword(UUID id, String password) {
        AccessScope scope = actingAdmin();
        passwordLength(password);
        found(repository.setPasswordHash(id, passwords.encode(password)), id);
        note(scope, "PASSWORD_SET", id);
    }

    /**
     * Makes the account of {@code in}'s user name what {@code in} says, on behalf of the server itself rather
     * than a signed-in caller (the demo's accounts, whose passwords it prints): creates it when there is none,
     * else gives it back its role, organisation, premise, display name and enabled state, and the password if
     * it no longer matches, which the audit log notes as a {@link #resetPassword reset}. Under the same rules as
     * {@link #create}; when the account already is so, nothing is written, so a restart leaves no trace.
     *
     * @param scope an administrator's (for a start of the server, {@link AccessScope.Everything} with an actor
     *              such as {@code system:demo}), named in the audit log
     * @return the account
     */
    @Transactional
    public Profile ensure(AccessScope scope, Input in) {
        acting(scope);
        passwordLength(in.password());
        Long org = organisationFor(scope, in);
        Long premise = premiseFor(scope, in);
        boolean enabled = in.enabled() == null || in.enabled();
        UserRepository.Credentials found = repository.credentials(in.username()).orElse(null);
        if (found == null) {
            return repository.profile(repository.insert(new UserRepository.Row(in.username(),
                    passwords.encode(in.password()), displayName(in), in.role(), org, premise, enabled))).orElseThrow();
        }
        boolean reset = !passwords.matches(in.password(), found.passwordHash());
        repository.update(found.id(), new UserRepository.Row(in.username(),
                reset ? passwords.encode(in.password()) : null, displayName(in), in.role(), org, premise, enabled));
        if (reset) {
            note(scope, "PASSWORD_SET", found.id());
        }
        return repository.profile(found.id()).orElseThrow();
    }

    /** Refuses the account every sign-in, by password and by its API tokens, until it is unlocked. */
    @Transactional
    public void lock(UUID id) {
        actingAdmin();
        notOwn(id);
        found(repository.disable(id), id);
    }

    /** Enables the account and lifts the login throttle's refusal after failed sign-ins (on this instance). */
    @Transactional
    public void unlock(UUID id) {
        AccessScope scope = actingAdmin();
        String username = repository.enable(id).orElseThrow(() -> new NotFoundException("user", id));
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
        found(repository.delete(id), id);
    }

    /** {@link #admin()} for a change: names the administrator in the audit log of this transaction. */
    private AccessScope actingAdmin() {
        return acting(current.scope());
    }

    private AccessScope acting(AccessScope scope) {
        audit.set(admin(scope).actor());
        return scope;
    }

    private AccessScope admin() {
        return admin(current.scope());
    }

    private static AccessScope admin(AccessScope scope) {
        if (scope.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators manage accounts");
        }
        return scope;
    }

    private static void passwordLength(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new UserRuleException(UserRuleException.Rule.PASSWORD_LENGTH, MIN_PASSWORD, MAX_PASSWORD);
        }
    }

    /**
     * What the audit triggers cannot see: a new password (hashes are kept out of the log, so the row looks
     * unchanged) and the throttle, which is not in the database.
     */
    private void note(AccessScope scope, String action, UUID id) {
        repository.auditNote(scope.actor(), action, id);
    }

    private boolean isCaller(UUID id) {
        return repository.isAccount(id, current.user().id());
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
        if (repository.nameTaken(username, except)) {
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
