package org.openamr.server.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code openamr_reading_table_size_bytes}: the readings' table on disk — every monthly partition of
 * {@code reading} with its indexes and TOAST — measured every {@code openamr.metrics.table-size-refresh}, so that a
 * scrape reads a number rather than asking the database.
 */
@Component
class ReadingTableSize {

    static final String GAUGE = "openamr.reading.table.size";
    private static final Logger log = LoggerFactory.getLogger(ReadingTableSize.class);

    private final JdbcClient jdbc;
    /** -1 until first measured. */
    private final AtomicLong bytes = new AtomicLong(-1);
    private volatile boolean failing;

    ReadingTableSize(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder(GAUGE, bytes, b -> b.get() < 0 ? Double.NaN : b.get()).baseUnit("bytes")
                .description("Disk space of the readings table: all its partitions, indexes and TOAST")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${openamr.metrics.table-size-refresh:1m}", initialDelay = 0)
    void refresh() {
        try {
            bytes.set(jdbc.sql("""
                    select coalesce(sum(pg_total_relation_size(relid)), 0) from pg_partition_tree('reading')""")
                    .query(Long.class).single());
            failing = false;
        } catch (RuntimeException e) {
            // the last size stays; the database's own health says why it is not there
            if (!failing) {
                log.warn("size of the readings table not measured, the last one stays: {}", e.toString());
            }
            failing = true;
        }
    }
}
