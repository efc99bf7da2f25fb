package org.openamr.server.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.user.ApiTokenService.TokenInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users' API tokens in {@code api_token}: only their SHA-256 is stored. Signing in with one is
 * {@code security.ApiTokenFilter}'s.
 */
@Repository
public class ApiTokenRepository {

    private final JdbcClient jdbc;

    public ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TokenInfo> list(long userId) {
        return jdbc.sql("select public_id, name, created_at, expires_at, last_used_at from api_token where user_id = ?"
                        + " order by created_at").param(userId)
                .query((rs, n) -> new TokenInfo(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).list();
    }

    UUID insert(long userId, String name, byte[] hash, Instant expiresAt) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash, expires_at) values (?, ?, ?, ?) returning public_id")
                .params(userId, name, hash, expiresAt == null ? null : Timestamp.from(expiresAt))
                .query(UUID.class).single();
    }

    /** @return rows deleted: 0 when the user has no such token */
    int delete(long userId, UUID id) {
        return jdbc.sql("delete from api_token where public_id = ? and user_id = ?").params(id, userId).update();
    }

    /** @return rows deleted: the user's tokens of this name */
    int deleteNamed(long userId, String name) {
        return jdbc.sql("delete from api_token where user_id = ? and name = ?").params(userId, name).update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
