package org.openamr.server.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.meter.MeterResolver;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch paths of the store: copied rows, checked rows, a copy that meets a row stored meanwhile,
 * and meters resolved per batch. Whatever the path, the result must be that of one
 * {@code insert … on conflict do nothing} in the batch's order, and of {@code resolve} meter by meter.
 */
@ServerTest
class ReadingStoreBatchTest {

    private static final RegisterKey ENERGY = RegisterKey.current(Quantity.ENERGY, Unit.KWH);
    private static final RegisterKey VOLUME = RegisterKey.current(Quantity.VOLUME, Unit.M3);
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Autowired
    ReadingStore store;

    @Autowired
    MeterResolver resolver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    private static String serial() {
        return String.format("%08d", (int) (Math.random() * 90_000_000) + 10_000_000);
    }

    private static Instant t(int quarter) {
        return T0.plus(Duration.ofMinutes(15L * quarter));
    }

    private static RegisterValue v(RegisterKey key, int quarter, String value) {
        return new RegisterValue(key, t(quarter), new BigDecimal(value));
    }

    private StoreResult store(String serial, RegisterValue... values) {
        return store.store(List.of(new MeterReadout(MeterIdentity.ofSerial(serial), t(100), List.of(values), List.of())),
                ReadingSource.PUSH, null);
    }

    private List<org.assertj.core.groups.Tuple> readings(String serial) {
        return jdbc.sql("""
                select g.quantity, r.measured_at, r.value::text from reading r join register g on g.id = r.register_id
                join meter m on m.id = g.meter_id where m.serial = ? order by g.quantity, r.measured_at""")
                .param(serial)
                .query((rs, n) -> tuple(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3))).list();
    }

    @Test
    void aRegisterAndTimeTwiceInOneBatchIsStoredOnceAndTheFirstValueWins() {
        String meter = serial();

        StoreResult result = store(meter, v(ENERGY, 2, "12"), v(ENERGY, 1, "10"), v(ENERGY, 1, "11"));

        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(readings(meter)).containsExactly(tuple("ENERGY", t(1), "10"), tuple("ENERGY", t(2), "12"));
    }

    @Test
    void registersWithStoredReadingsInTheBatchsRangeKeepTheirStoredValues() {
        String meter = serial();
        store(meter, v(VOLUME, 5, "5.000"));

        StoreResult result = store(meter, v(VOLUME, 4, "4.000"), v(VOLUME, 5, "5.500"), v(VOLUME, 6, "6.000"),
                v(ENERGY, 4, "40"), v(ENERGY, 5, "50"), v(ENERGY, 6, "60"));

        assertThat(result.inserted()).isEqualTo(5);
        // another value for a stored register and time is a conflict, not a duplicate: the stored one stays
        assertThat(result.duplicates()).isZero();
        assertThat(result.conflicts()).extracting(c -> c.stored().toPlainString(), c -> c.given().toPlainString())
                .containsExactly(tuple("5.000", "5.500"));
        assertThat(readings(meter)).containsExactly(
                tuple("ENERGY", t(4), "40"), tuple("ENERGY", t(5), "50"), tuple("ENERGY", t(6), "60"),
                tuple("VOLUME", t(4), "4.000"), tuple("VOLUME", t(5), "5.000"), tuple("VOLUME", t(6), "6.000"));
    }

    @Test
    void aRowAnotherTransactionStoresWhileTheBatchIsCopiedIsAConflictNotAnError() throws Exception {
        String meter = serial();
        store(meter, v(ENERGY, 0, "0"));
        long register = jdbc.sql("""
                select g.id from register g join meter m on m.id = g.meter_id where m.serial = ?""")
                .param(meter).query(Long.class).single();

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    "insert into reading (register_id, measured_at, value, source) values (?, ?, 99, 'POLL')")) {
                ps.setLong(1, register);
                ps.setTimestamp(2, Timestamp.from(t(2)));
                ps.executeUpdate();
            }
            // nothing committed in t(1)..t(3) yet: the batch takes the copy, which must wait for this row
            CompletableFuture<StoreResult> batch = CompletableFuture.supplyAsync(() ->
                    store(meter, v(ENERGY, 1, "1"), v(ENERGY, 2, "2"), v(ENERGY, 3, "3")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (waitingForLocks() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waitingForLocks()).as("the copy waits for the uncommitted row").isPositive();
            other.commit();

            StoreResult result = batch.get(20, TimeUnit.SECONDS);

            assertThat(result.inserted()).isEqualTo(2);
            // the other transaction's 99 differs from the batch's 2: a conflict, and 99 stays
            assertThat(result.duplicates()).isZero();
            assertThat(result.conflicts()).hasSize(1);
        }
        assertThat(readings(meter)).containsExactly(tuple("ENERGY", t(0), "0"), tuple("ENERGY", t(1), "1"),
                tuple("ENERGY", t(2), "99"), tuple("ENERGY", t(3), "3"));
    }

    private long waitingForLocks() {
        return jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single();
    }

    @Test
    void resolvingABatchMatchesMetersAsResolvingThemOneByOneWould() {
        String s = serial();
        long makerless = jdbc.sql("insert into meter (serial) values (?) returning id").param(s).query(Long.class).single();
        String t = serial();
        long dfs = jdbc.sql("insert into meter (manufacturer, serial) values ('DFS', ?) returning id").param(t)
                .query(Long.class).single();
        long other = jdbc.sql("insert into meter (manufacturer, serial) values ('ABB', ?) returning id").param(t)
                .query(Long.class).single();
        Instant seen = Instant.parse("2026-03-02T10:00:00Z");

        List<MeterResolver.Resolved> resolved = transaction.execute(status -> resolver.resolveAll(List.of(
                        MeterIdentity.ofSerial(s),
                        new MeterIdentity(s, Optional.of("KAM"), Optional.of(1), Optional.of(4)),
                        new MeterIdentity(s, Optional.of("ZRI"), Optional.empty(), Optional.empty()),
                        new MeterIdentity(t, Optional.of("ABB"), Optional.empty(), Optional.empty()),
                        MeterIdentity.ofSerial(t)),
                List.of(seen, seen.plusSeconds(60), seen, seen.minusSeconds(60), seen), null));

        // the maker-less meter takes the first maker that names it; a second maker is another meter; a
        // serial two makers share cannot be matched without a maker, so it is registered maker-less
        assertThat(resolved).extracting(MeterResolver.Resolved::meterId).containsSubsequence(makerless, makerless);
        assertThat(resolved.get(0)).isEqualTo(new MeterResolver.Resolved(makerless, false));
        assertThat(resolved.get(1)).isEqualTo(new MeterResolver.Resolved(makerless, false));
        assertThat(resolved.get(2).created()).isTrue();
        assertThat(resolved.get(3)).isEqualTo(new MeterResolver.Resolved(other, false));
        assertThat(resolved.get(4).created()).isTrue();
        assertThat(resolved.get(4).meterId()).isNotIn(dfs, other);
        assertThat(jdbc.sql("select manufacturer, mbus_version, mbus_medium, first_seen_at, last_seen_at from meter "
                + "where id = ?").param(makerless)
                .query((rs, n) -> tuple(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant())).single())
                .isEqualTo(tuple("KAM", 1, 4, seen, seen.plusSeconds(60)));
        assertThat(jdbc.sql("select manufacturer from meter where id = ?").param(resolved.get(2).meterId())
                .query(String.class).single()).isEqualTo("ZRI");
    }
}
