package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The log of accepted pushes: one row per push in {@code ingest_push} (what it held and what became of
 * it), and its refused parts in {@code ingest_rejection}, both rejected parts and values that conflict
 * with stored ones. Writes in the caller's transaction, so that a push and its log are stored together.
 *
 * <p>A plain instance on the ingest pool ({@link IngestDatabase}), not a bean: a bean would be bound to
 * the main pool's connections.
 */
final class PushLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PushLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * What a push held and what was done with it. The document itself is not kept: its size and SHA-256
     * identify it when a concentrator's operator asks what was sent.
     */
    record Entry(long channelId, PushFormat format, String sender, byte[] payload, int meters, int metersCreated,
                 int readingsNew, int readingsDuplicate, int rejected, int readingsConflicting) {
    }

    /** A logged push: its row's id for its rejections, its public id for the concentrator's answer. */
    record Logged(long id, UUID publicId) {
    }

    /**
     * A pushed value not stored because the server has another for the same register and time.
     *
     * @param meter    the meter as the document names it
     * @param location where in the document
     * @param reason   the sentence people read
     * @param fragment the part of the document as sent
     */
    record Conflict(String meter, String location, String reason, String fragment, BigDecimal stored,
                    BigDecimal pushed) {
    }

    Logged insert(Entry e) {
        return jdbc.sql("""
                        insert into ingest_push (channel_id, format, sender, payload_bytes, payload_sha256, meters,
                            meters_created, readings_new, readings_duplicate, rejected, readings_conflicting)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        returning id, public_id""")
                .params(e.channelId(), e.format().name(), e.sender(), e.payload().length, sha256(e.payload()),
                        e.meters(), e.metersCreated(), e.readingsNew(), e.readingsDuplicate(), e.rejected(),
                        e.readingsConflicting())
                .query((rs, n) -> new Logged(rs.getLong(1), rs.getObject(2, UUID.class))).single();
    }

    void insertRejections(long pushId, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into ingest_rejection (push_id, meter, location, reason, fragment, value_count)
                values (?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Rejection r = rejections.get(i);
                ps.setLong(1, pushId);
                ps.setString(2, r.meter());
                ps.setString(3, r.location());
                ps.setString(4, r.reason());
                ps.setString(5, r.fragment());
                ps.setInt(6, r.valueCount());
            }

            @Override
            public int getBatchSize() {
                return rejections.size();
            }
        });
    }

    void insertConflicts(long pushId, List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                insert into ingest_rejection (push_id, meter, location, reason, fragment, value_count, kind,
                                              stored_value, pushed_value)
                values (?, ?, ?, ?, ?, 1, 'CONFLICT', ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Conflict c = conflicts.get(i);
                ps.setLong(1, pushId);
                ps.setString(2, c.meter());
                ps.setString(3, c.location());
                ps.setString(4, c.reason());
                ps.setString(5, c.fragment());
                ps.setBigDecimal(6, c.stored());
                ps.setBigDecimal(7, c.pushed());
            }

            @Override
            public int getBatchSize() {
                return conflicts.size();
            }
        });
    }

    static byte[] sha256(byte[] payload) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(payload);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
