package org.openamr.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.premise.Premises;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (administrators only), the caller's own profile and the caller's API tokens. */
@RestController
@Tag(name = "Users")
class UserController {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final Premises premises;
    private final CurrentUser current;
    private final AuditActor audit;

    UserController(JdbcClient jdbc, PasswordEncoder passwords, Organisations organisations, Premises premises,
            CurrentUser current, AuditActor audit) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organisations = organisations;
        this.premises = premises;
        this.current = current;
        this.audit = audit;
    }

    record Profile(UUID id, String username, String displayName, Role role, UUID organisation, UUID premise,
                   boolean enabled) {
    }

    record UserInput(@NotBlank @Pattern(regexp = "^[A-Za-z0-9._@-]{3,64}$", message = "3–64 letters, digits or ._@-")
                     String username, @Size(min = 10, max = 200, message = "a password has 10–200 characters")
                     String password, String displayName, @NotNull Role role, UUID organisation, UUID premise,
                     Boolean enabled) {
    }

    record TokenInput(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** Shown once: only the token's hash is kept. */
    record NewToken(UUID id, String name, String token, Instant expiresAt) {
    }

    private static final String PROFILE = """
            select u.public_id, u.username, u.display_name, u.role, o.public_id as org, p.public_id as premise, u.enabled
            from app_user u left join organisation o on o.id = u.organisation_id left join premise p on p.id = u.premise_id
            """;

    private static Profile profile(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Profile(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getBoolean(7));
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user")
    Profile me() {
        return jdbc.sql(PROFILE + " where u.id = ?").param(current.user().id()).query(UserController::profile).single();
    }

    @GetMapping("/api/v1/users")
    @PreAuthorize("hasRole('ADMIN')")
    Page<Profile> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Page.check(page, size);
        List<Profile> items = jdbc.sql(PROFILE + " order by u.username limit ? offset ?").params(size, (long) page * size)
                .query(UserController::profile).list();
        return new Page<>(items, page, size, jdbc.sql("select count(*) from app_user").query(Long.class).single());
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Profile create(@Valid @RequestBody UserInput in) {
        AccessScope scope = current.scope();
        audit.set(scope.actor());
        if (in.password() == null) {
            throw new BadRequestException("password is required for a new user");
        }
        Long org = organisationFor(scope, in);
        Long premise = premiseFor(scope, in);
        UUID id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, organisation_id, premise_id, enabled)
                values (?, ?, ?, ?, ?, ?, ?) returning public_id""")
                .params(in.username(), passwords.encode(in.password()), in.displayName() == null ? "" : in.displayName(),
                        in.role().name(), org, premise, in.enabled() == null || in.enabled())
                .query(UUID.class).single();
        return jdbc.sql(PROFILE + " where u.public_id = ?").param(id).query(UserController::profile).single();
    }

    @PutMapping("/api/v1/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Profile update(@PathVariable UUID id, @Valid @RequestBody UserInput in) {
        AccessScope scope = current.scope();
        audit.set(scope.actor());
        Long org = organisationFor(scope, in);
        Long premise = premiseFor(scope, in);
        int n = jdbc.sql("""
                update app_user set username = ?, display_name = ?, role = ?, organisation_id = ?, premise_id = ?,
                       enabled = ?, password_hash = coalesce(?, password_hash)
                where public_id = ?""")
                .params(in.username(), in.displayName() == null ? "" : in.displayName(), in.role().name(), org, premise,
                        in.enabled() == null || in.enabled(), in.password() == null ? null : passwords.encode(in.password()), id)
                .update();
        if (n == 0) {
            throw new NotFoundException("user", id);
        }
        return jdbc.sql(PROFILE + " where u.public_id = ?").param(id).query(UserController::profile).single();
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "The caller's API tokens (never the tokens themselves)")
    List<TokenInfo> tokens() {
        return jdbc.sql("select public_id, name, created_at, expires_at, last_used_at from api_token where user_id = ?"
                        + " order by created_at").param(current.user().id())
                .query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).list();
    }

    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new API token for the caller, shown once")
    @Transactional
    NewToken createToken(@Valid @RequestBody TokenInput in) {
        audit.set(current.scope().actor());
        if (in.expiresAt() != null && !in.expiresAt().isAfter(Instant.now())) {
            throw new BadRequestException("expiresAt " + in.expiresAt() + " is in the past");
        }
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        UUID id = jdbc.sql("insert into api_token (user_id, name, token_hash, expires_at) values (?, ?, ?, ?) returning public_id")
                .params(current.user().id(), in.name(), Tokens.hash(token),
                        in.expiresAt() == null ? null : java.sql.Timestamp.from(in.expiresAt()))
                .query(UUID.class).single();
        return new NewToken(id, in.name(), token, in.expiresAt());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void revoke(@PathVariable UUID id) {
        audit.set(current.scope().actor());
        int n = jdbc.sql("delete from api_token where public_id = ? and user_id = ?").params(id, current.user().id()).update();
        if (n == 0) {
            throw new NotFoundException("token", id);
        }
    }

    private Long organisationFor(AccessScope scope, UserInput in) {
        boolean needs = in.role() == Role.OPERATOR || in.role() == Role.MANAGER;
        if (needs != (in.organisation() != null)) {
            throw new BadRequestException(needs ? "role " + in.role() + " needs an organisation"
                    : "role " + in.role() + " has no organisation");
        }
        return needs ? organisations.internalId(scope, in.organisation()) : null;
    }

    private Long premiseFor(AccessScope scope, UserInput in) {
        boolean needs = in.role() == Role.RESIDENT;
        if (needs != (in.premise() != null)) {
            throw new BadRequestException(needs ? "a resident needs a premise" : "only residents have a premise");
        }
        return needs ? premises.ref(scope, in.premise()).id() : null;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
