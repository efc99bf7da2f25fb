package org.openamr.server.ingest;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.event.MeterEventRepository;
import org.openamr.server.event.MeterEvents;
import org.openamr.server.meter.MeterResolver;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.reading.StoredReadings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database as the ingest path uses it: a connection pool of its own (see
 * {@link IngestDatabaseConfiguration}) and everything a push writes through bound to it, so that
 * web pages holding the main pool's connections cannot make a concentrator wait, and a burst of
 * pushes cannot take the pages' connections either.
 *
 * <p>Deliberately not beans of the types {@code DataSource}, {@code JdbcTemplate} or
 * {@code JdbcClient}: a second bean of those types would make Spring Boot's auto-configuration of
 * the main ones (and Flyway's) back off.
 */
public final class IngestDatabase {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ReadingStore readings;
    private final ReadingPartitions partitions;
    private final AuditActor audit;
    private final PushLog pushLog;
    private final CollectorBatches batches;

    IngestDatabase(DataSource dataSource, StoredReadings stored) {
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        this.jdbc = JdbcClient.create(template);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        this.transaction = new TransactionTemplate(transactions);
        // plain instances, not beans: a bean's @Transactional would open a transaction on the main pool
        this.partitions = new ReadingPartitions(jdbc, transactions);
        this.readings = new ReadingStore(jdbc, template, new MeterResolver(jdbc, template), new MeterEvents(new MeterEventRepository(jdbc)),
                partitions, stored);
        this.audit = new AuditActor(jdbc);
        this.pushLog = new PushLog(jdbc, template);
        this.batches = new CollectorBatches(jdbc);
    }

    DataSource dataSource() {
        return dataSource;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    TransactionTemplate transaction() {
        return transaction;
    }

    ReadingStore readings() {
        return readings;
    }

    ReadingPartitions partitions() {
        return partitions;
    }

    AuditActor audit() {
        return audit;
    }

    PushLog pushLog() {
        return pushLog;
    }

    CollectorBatches batches() {
        return batches;
    }

    void close() {
        if (dataSource instanceof HikariDataSource own) {
            own.close();
        }
    }
}
