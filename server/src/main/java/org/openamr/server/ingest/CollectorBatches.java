package org.openamr.server.ingest;

import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The collectors' numbered batches ({@code ingest_batch}) and what each collector last reported
 * ({@code ingest_collector}). A plain instance on the ingest pool ({@link IngestDatabase}), like
 * {@link PushLog}.
 */
final class CollectorBatches {

    private final JdbcClient jdbc;

    CollectorBatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A batch the server stored before: its push's id, for the answer. */
    record Stored(UUID push, PushFormat format) {
    }

    /**
     * Claims the batch's number inside the caller's transaction, before anything of the batch is written.
     * When another transaction holds the same number uncommitted, PostgreSQL makes this insert wait for it:
     * if it commits, this one sees its row and answers "already stored"; if it rolls back, this one claims
     * the number. So two concurrent deliveries of one batch never both store it.
     *
     * @return the claimed row's id, or the earlier delivery when the batch was stored already
     * @throws IngestException 409 when the number was used for a different document
     */
    Claim claim(long channelId, CollectorBatch batch, byte[] sha256) {
        Optional<Long> id = jdbc.sql("""
                        insert into ingest_batch (channel_id, collector, sequence, payload_sha256)
                        values (?, ?, ?, ?)
                        on conflict (channel_id, collector, sequence) do nothing
                        returning id""")
                .params(channelId, batch.collector(), batch.sequence(), sha256)
                .query(Long.class).optional();
        if (id.isPresent()) {
            return new Claim(id.get(), null);
        }
        record Earlier(byte[] sha256, UUID push, String format, java.time.Instant at) {
        }
        Earlier earlier = jdbc.sql("""
                        select b.payload_sha256, p.public_id, p.format, b.received_at
                        from ingest_batch b join ingest_push p on p.id = b.push_id
                        where b.channel_id = ? and b.collector = ? and b.sequence = ?""")
                .params(channelId, batch.collector(), batch.sequence())
                .query((rs, n) -> new Earlier(rs.getBytes(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
        if (!java.util.Arrays.equals(earlier.sha256(), sha256)) {
            throw new IngestException(HttpStatus.CONFLICT, batch.describe() + " was stored at " + earlier.at()
                    + " (push " + earlier.push() + ") with a different content; a collector must send a batch "
                    + "number again only with the same document. Nothing of this push was stored — this is a "
                    + "fault of the collector (its store or its batch numbering), not of the network");
        }
        return new Claim(0, new Stored(earlier.push(), PushFormat.valueOf(earlier.format())));
    }

    /** @param id the claimed row, when {@code earlier} is null */
    record Claim(long id, Stored earlier) {
    }

    /** Links a claimed batch to the push that stored it, in the same transaction. */
    void stored(long batchId, long pushId) {
        jdbc.sql("update ingest_batch set push_id = ? where id = ?").params(pushId, batchId).update();
    }

    /**
     * Records that the collector called: now, and what it reported. Its own statement after the batch's
     * transaction, so that concurrent deliveries of one collector do not queue on this row while storing.
     *
     * @param storedBatch the batch stored now or before, null when it was refused
     */
    void contact(long channelId, CollectorBatch batch, Long storedBatch) {
        jdbc.sql("""
                        insert into ingest_collector (channel_id, collector, last_contact_at, queue_depth, version,
                                                      last_batch)
                        values (?, ?, now(), ?, ?, ?)
                        on conflict (channel_id, collector) do update set
                            last_contact_at = greatest(ingest_collector.last_contact_at, excluded.last_contact_at),
                            queue_depth = coalesce(excluded.queue_depth, ingest_collector.queue_depth),
                            version = coalesce(excluded.version, ingest_collector.version),
                            last_batch = greatest(ingest_collector.last_batch, excluded.last_batch)""")
                .params(channelId, batch.collector(), batch.queueDepth(), batch.version(), storedBatch)
                .update();
    }
}
