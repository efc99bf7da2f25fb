package org.openamr.server.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own API tokens: listed without the token, shown once when made, revoked. */
@Service
public class ApiTokenService {

    private final ApiTokenRepository tokens;
    private final CurrentUser current;
    private final AuditActor audit;

    ApiTokenService(ApiTokenRepository tokens, CurrentUser current, AuditActor audit) {
        this.tokens = tokens;
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
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        UUID id = tokens.insert(current.user().id(), in.name(), Tokens.hash(token), in.expiresAt());
        return new NewToken(id, in.name(), token, in.expiresAt());
    }

    @Transactional
    public void revoke(UUID id) {
        audit.set(current.scope().actor());
        if (tokens.delete(current.user().id(), id) == 0) {
            throw new NotFoundException("token", id);
        }
    }
}
