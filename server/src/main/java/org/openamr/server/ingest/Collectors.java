package org.openamr.server.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The OpenAMR collectors that deliver through concentrator channels, as their last contact left them:
 * for the acquisition page. Collectors use their channel's push token; a channel may carry several
 * collectors (each names itself in every delivery), so the page lists them under the channel.
 */
@Component
public class Collectors {

    private final JdbcClient jdbc;

    public Collectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param queueDepth readouts waiting in the collector's store as it reported last, null if it never said
     * @param lastBatch  the highest batch number stored, null if none was stored yet
     */
    public record Collector(long channelId, String id, Instant lastContact, Long queueDepth, String version,
                            Long lastBatch) {
    }

    /** The collectors of these channels (internal ids), by channel, each channel's by id. */
    public Map<Long, List<Collector>> ofChannels(Collection<Long> channelIds) {
        Map<Long, List<Collector>> byChannel = new LinkedHashMap<>();
        if (channelIds.isEmpty()) {
            return byChannel;
        }
        jdbc.sql("""
                        select channel_id, collector, last_contact_at, queue_depth, version, last_batch
                        from ingest_collector where channel_id = any(?) order by channel_id, collector""")
                .param(channelIds.toArray(new Long[0]))
                .query((rs, n) -> new Collector(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getObject(6, Long.class)))
                .list()
                .forEach(c -> byChannel.computeIfAbsent(c.channelId(), k -> new java.util.ArrayList<>()).add(c));
        return byChannel;
    }
}
