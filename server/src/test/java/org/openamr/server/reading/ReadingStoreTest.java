package org.openamr.server.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServerTest
class ReadingStoreTest {

    static final RegisterKey ENERGY = RegisterKey.current(Quantity.ENERGY, Unit.KWH);
    static final RegisterKey VOLUME = RegisterKey.current(Quantity.VOLUME, Unit.M3);

    @Autowired
    ReadingStore store;
    @Autowired
    JdbcClient jdbc;

    static MeterReadout readout(String serial, Instant at, String energy, List<MeterCondition> conditions) {
        return new MeterReadout(new MeterIdentity(serial, Optional.of("DFS"), Optional.of(0x30), Optional.of(4)), at,
                List.of(new RegisterValue(ENERGY, at, new BigDecimal(energy)),
                        new RegisterValue(VOLUME, at, new BigDecimal("123.456"))), conditions);
    }

    @Test
    void aRepeatedDeliveryIsStoredOnceAndAChangedValueIsAConflictThatKeepsTheFirst() {
        Instant at = Instant.parse("2026-09-30T23:59:59Z");
        StoreResult first = store.store(List.of(readout("70000001", at, "1000.001", List.of())), ReadingSource.PUSH, null);
        assertThat(first.inserted()).isEqualTo(2);
        assertThat(first.metersCreated()).isEqualTo(1);
        StoreResult again = store.store(List.of(readout("70000001", at, "9999", List.of())), ReadingSource.POLL, null);
        assertThat(again.inserted()).isZero();
        // the volume came again unchanged; the energy came with another value: kept as it was, and said
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.conflicts()).containsExactly(
                new StoreResult.Conflict(0, new BigDecimal("1000.001"), new BigDecimal("9999")));
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.metersCreated()).isZero();
        assertThat(jdbc.sql("""
                select r.value from reading r join register g on g.id = r.register_id join meter m on m.id = g.meter_id
                where m.serial = '70000001' and g.quantity = 'ENERGY'""").query(BigDecimal.class).single())
                .isEqualTo(new BigDecimal("1000.001"));
        assertThat(jdbc.sql("select count(*) from pg_class where relname = 'reading_y2026m09'").query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    void anUnknownMeterIsRegisteredUnassignedWithItsReadings() {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        store.store(List.of(readout("70000002", at, "5", List.of())), ReadingSource.PUSH, null);
        assertThat(jdbc.sql("select count(*) from unassigned_meter where serial = '70000002'").query(Long.class).single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select mbus_version from meter where serial = '70000002'").query(Integer.class).single())
                .isEqualTo(0x30);
    }

    @Test
    void aConditionIsRaisedOnceAndClearedWhenItIsGone() {
        MeterCondition leak = new MeterCondition("LEAK", "Leak", "Утечка", false);
        Instant t0 = Instant.parse("2026-10-02T10:00:00Z");
        store.store(List.of(readout("70000003", t0, "1", List.of(leak))), ReadingSource.POLL, null);
        store.store(List.of(readout("70000003", t0.plusSeconds(60), "1", List.of(leak))), ReadingSource.POLL, null);
        store.store(List.of(readout("70000003", t0.plusSeconds(120), "1", List.of())), ReadingSource.POLL, null);
        List<String> events = jdbc.sql("""
                select e.kind || ' ' || e.code || ' ' || e.occurred_at from meter_event e join meter m on m.id = e.meter_id
                where m.serial = '70000003' order by e.occurred_at""").query(String.class).list();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).startsWith("RAISED LEAK");
        assertThat(events.get(1)).startsWith("CLEARED LEAK");
    }

    @Test
    void aFailingBatchWritesNothing() {
        Instant at = Instant.parse("2026-10-03T10:00:00Z");
        MeterReadout good = readout("70000004", at, "1", List.of());
        // a manufacturer the schema refuses fails the whole batch after the good meter was written
        MeterReadout bad = new MeterReadout(new MeterIdentity("70000005", Optional.of("dfs"), Optional.empty(),
                Optional.empty()), at, List.of(new RegisterValue(ENERGY, at, BigDecimal.ONE)), List.of());
        assertThatThrownBy(() -> store.store(List.of(good, bad), ReadingSource.PUSH, null)).isNotNull();
        assertThat(jdbc.sql("select count(*) from meter where serial in ('70000004', '70000005')").query(Long.class)
                .single()).isZero();
        StoreResult retry = store.store(List.of(good), ReadingSource.PUSH, null);
        assertThat(retry.inserted()).as("register ids of the failed batch were not cached").isEqualTo(2);
    }
}
