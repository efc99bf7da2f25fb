package org.openamr.server.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
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
    private final Users users;
    private final CurrentUser current;
    private final AuditActor audit;

    UserController(JdbcClient jdbc, Users users, CurrentUser current, AuditActor audit) {
        this.jdbc = jdbc;
        this.users = users;
        this.current = current;
        this.audit = audit;
    }

    record TokenInput(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** Shown once: only the token's hash is kept. */
    record NewToken(UUID id, String name, String token, Instant expiresAt) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The signed-in user")
    Users.Profile me() {
        return users.me();
    }

    @GetMapping("/api/v1/users")
    @PreAuthorize("hasRole('ADMIN')")
    Page<Users.Profile> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return users.list(page, size);
    }

    @PostMapping("/api/v1/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    Users.Profile create(@Valid @RequestBody Users.Input in) {
        return users.create(in);
    }

    @PutMapping("/api/v1/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    Users.Profile update(@PathVariable UUID id, @Valid @RequestBody Users.Input in) {
        return users.update(id, in);
    }

    @DeleteMapping("/api/v1/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deletes an account and its API tokens; not one's own")
    void delete(@PathVariable UUID id) {
        users.delete(id);
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

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
