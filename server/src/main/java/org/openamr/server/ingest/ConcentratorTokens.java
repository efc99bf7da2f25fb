package org.openamr.server.ingest;

import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.security.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Push tokens of concentrator channels: {@code oamr_push_} and 256 random bits. Only the token's
 * SHA-256 is stored (in {@code acquisition_channel.token_hash}); issuing a new one replaces the old,
 * which stops working at once.
 */
@Component
public class ConcentratorTokens {

    public static final String PREFIX = "oamr_push_";

    private final JdbcClient jdbc;
    /** the ingest pool's: a push is authenticated without waiting for the main pool */
    private final JdbcClient ingestJdbc;

    public ConcentratorTokens(JdbcClient jdbc, IngestDatabase ingest) {
        this.jdbc = jdbc;
        this.ingestJdbc = ingest.jdbc();
    }

    /**
     * Makes a new token for a concentrator channel; the caller shows it once and never again.
     *
     * @throws NotFoundException when there is no such channel
     * @throws BadRequestException when the channel is polled (serial port, TCP gateway), not a concentrator
     */
    @Transactional
    public String issue(long channelId) {
        String token = Tokens.newToken(PREFIX);
        int updated = jdbc.sql("update acquisition_channel set token_hash = ? where id = ? and kind = 'CONCENTRATOR'")
                .params(Tokens.hash(token), channelId).update();
        if (updated == 0) {
            String kind = jdbc.sql("select kind from acquisition_channel where id = ?").param(channelId)
                    .query(String.class).optional()
                    .orElseThrow(() -> new NotFoundException("channel", channelId));
            throw new BadRequestException("channel " + channelId + " is a " + kind
                    + " channel, which the server polls; only CONCENTRATOR channels push with a token");
        }
        return token;
    }

    /**
     * The concentrator of an {@code Authorization} header.
     *
     * @throws IngestException 401 when the header has no bearer token or the token is unknown (also a
     *         revoked or mistyped one), 403 when the token's channel is disabled
     */
    public Concentrator authenticate(String authorizationHeader) {
        String token = Tokens.bearer(authorizationHeader);
        if (token == null) {
            throw new IngestException(HttpStatus.UNAUTHORIZED,
                    "push needs the header 'Authorization: Bearer " + PREFIX + "…' with the channel's push token");
        }
        if (!token.startsWith(PREFIX)) {
            throw new IngestException(HttpStatus.UNAUTHORIZED,
                    "the bearer token is not a push token (push tokens start with '" + PREFIX + "')");
        }
        record Row(long id, UUID publicId, String name, boolean enabled) {
        }
        Row row = ingestJdbc.sql("""
                select id, public_id, name, enabled from acquisition_channel
                where token_hash = ? and kind = 'CONCENTRATOR'""")
                .param(Tokens.hash(token))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)))
                .optional()
                .orElseThrow(() -> new IngestException(HttpStatus.UNAUTHORIZED,
                        "push token is unknown: it was never issued or a newer token replaced it"));
        if (!row.enabled()) {
            throw new IngestException(HttpStatus.FORBIDDEN,
                    "concentrator channel '" + row.name() + "' is disabled; enable it to accept its pushes");
        }
        return new Concentrator(row.id(), row.publicId(), row.name());
    }
}
