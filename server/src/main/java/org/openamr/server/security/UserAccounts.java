package org.openamr.server.security;

import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Accounts in {@code app_user}, as Spring Security's user source. */
@Repository
public class UserAccounts implements UserDetailsService {

    static final RowMapper<OpenAmrUser> ROW = (rs, n) -> new OpenAmrUser(rs.getLong("id"), rs.getString("username"),
            rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            (Long) rs.getObject("organisation_id"), (Long) rs.getObject("premise_id"), rs.getBoolean("enabled"));

    private final JdbcClient jdbc;

    public UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public OpenAmrUser loadUserByUsername(String username) {
        return byUsername(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<OpenAmrUser> byUsername(String username) {
        return jdbc.sql("select * from app_user where lower(username) = lower(?)").param(username).query(ROW).optional();
    }

    /**
     * The account an API token (by its hash) signs in, if the token exists and has not expired; notes that it
     * was used.
     */
    public Optional<Long> tokenUsed(byte[] tokenHash) {
        return jdbc.sql("""
                update api_token set last_used_at = now()
                where token_hash = ? and (expires_at is null or expires_at > now())
                returning user_id""").param(tokenHash).query(Long.class).optional();
    }

    public Optional<OpenAmrUser> byId(long id) {
        return jdbc.sql("select * from app_user where id = ?").param(id).query(ROW).optional();
    }
}
