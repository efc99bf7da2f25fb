package org.openamr.server.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.Role;
import org.openamr.server.security.Tokens;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's own API tokens: listed without the token, shown once when made, revoked; and a system's
 * replacement of an account's token ({@link #replace}).
 */
@Service
public class ApiTokenService {

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final CurrentUser current;
    private final AuditActor audit;

    ApiTokenService(ApiTokenRepository tokens, UserRepository users, CurrentUser current, AuditActor audit) {
        this.tokens = tokens;
        this.users = users;
        this.current = current;
        this.audit = audit;
    }

    public record TokenInput(@NotBlank @Size(max = 100) String name, Instant expiresAt) {
    }

    public record TokenInfo(UUID id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** Shown once: only the token's hash is kept. */
    public record NewToken(UUID id, String name, String token, Instant expiresAt) {
    }

    public List<TokenInfo> list() {
        return tokens.list(current.user().id());
    }

    @Transactional
    public NewToken create(TokenInput in) {
        audit.set(current.scope().actor());
        if (in.expiresAt() != null && !in.expiresAt().isAfter(Instant.now())) {
            throw new BadRequestException("expiresAt " + in.expiresAt() + " is in the past");
        }
        return issue(current.user().id(), in.name(), in.expiresAt());
    }

    /**
     * Revokes the account's tokens of this name and issues a new one that does not expire, on behalf of the
     * server itself rather than the account's owner (the demo prints a fresh token per account on every start).
     *
     * @param scope an administrator's (for a start of the server, {@link AccessScope.Everything} with an actor
     *              such as {@code system:demo}), named in the audit log
     */
    @Transactional
    public NewToken replace(AccessScope scope, UUID user, String name) {
        if (scope.role() != Role.ADMIN) {
            throw new AccessDeniedException("only administrators issue tokens for another account");
        }
        audit.set(scope.actor());
        long userId = users.internalId(user).orElseThrow(() -> new NotFoundException("user", user));
        tokens.deleteNamed(userId, name);
        return issue(userId, name, null);
    }

    /** A new token, of which only the hash is stored. */
    private NewToken issue(long userId, String name, Instant expiresAt) {
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        UUID id = tokens.insert(userId, name, Tokens.hash(token), expiresAt);
        return new NewToken(id, name, token, expiresAt);
    }

    @Transactional
    public void revoke(UUID id) {
        audit.set(current.scope().actor());
        if (tokens.delete(current.user().id(), id) == 0) {
            throw new NotFoundException("token", id);
        }
    }
}
