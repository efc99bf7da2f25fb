package org.openamr.server.reading;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the monthly partitions of {@code reading} (months in UTC) before rows for them are written.
 * Each partition is created in a short transaction of its own, because creating one locks the
 * parent table and must not wait for, or hold up, a long ingest transaction.
 */
@Component
public class ReadingPartitions {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public ReadingPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }

    public void ensureFor(Collection<Instant> times) {
        Set<YearMonth> months = new TreeSet<>();
        // a batch's times mostly share a month: only a time outside the last month found is converted
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Instant t : times) {
            long s = t.getEpochSecond();
            if (s >= from && s < to) {
                continue;
            }
            YearMonth month = monthOf(t);
            months.add(month);
            from = month.atDay(1).toEpochDay() * 86_400;
            to = month.plusMonths(1).atDay(1).toEpochDay() * 86_400;
        }
        months.forEach(this::ensure);
    }

    public void ensure(YearMonth month) {
        if (known.contains(month)) {
            return;
        }
        String name = String.format("reading_y%04dm%02d", month.getYear(), month.getMonthValue());
        String from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        String to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        ownTransaction.executeWithoutResult(status -> {
            // serialises creators across server instances; IF NOT EXISTS alone races on the catalog
            jdbc.sql("select pg_advisory_xact_lock(hashtext('reading_partitions'))").query(Object.class).optional();
            jdbc.sql("create table if not exists " + name + " partition of reading for values from ('" + from
                    + "') to ('" + to + "')").update();
        });
        known.add(month);
    }
}
