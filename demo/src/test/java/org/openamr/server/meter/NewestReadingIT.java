package org.openamr.server.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openamr.demo.DemoServerTest;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fast newest reading (per visible installation window, {@link MeterVisibility#newestReading}) admits
 * exactly what the per-row predicate {@link MeterVisibility#reading} admits, for every kind of scope: on the
 * demo building with one meter taken down two weeks ago (its later readings belong to nobody's window) and
 * one meter never installed that a channel of the building found. Changes are rolled back.
 */
@DemoServerTest
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=2", "openamr.demo.history-months=1", "openamr.demo.hourly-days=1",
        "openamr.polling.enabled=false"})
class NewestReadingIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theNewestReadingPerWindowIsTheNewestVisibleReadingForEveryScope() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            // the demo's building is the first; test classes sharing this context may have added others
            long building = jdbc.sql("select min(id) from building").query(Long.class).single();
            long premise = jdbc.sql("select id from premise where number = '1' and building_id = ?")
                    .param(building).query(Long.class).single();
            long takenDown = jdbc.sql("""
                    select i.meter_id from meter_installation i join metering_point p on p.id = i.point_id
                    where p.premise_id = ? and i.removed_at is null order by i.meter_id limit 1""")
                    .param(premise).query(Long.class).single();
            jdbc.sql("update meter_installation set removed_at = now() - interval '14 days'"
                    + " where meter_id = ? and removed_at is null").param(takenDown).update();
            long found = jdbc.sql("""
                    insert into meter (serial, channel_id)
                    select 'NEVER-INSTALLED', c.id from acquisition_channel c where c.building_id = ?
                    order by c.id limit 1
                    returning id""").param(building).query(Long.class).single();
            long register = jdbc.sql("insert into register (meter_id, quantity, unit, cumulative)"
                    + " values (?, 'ENERGY', 'kWh', true) returning id").param(found).query(Long.class).single();
            jdbc.sql("""
                    insert into reading (register_id, measured_at, value, source)
                    select ?, r.measured_at, r.value, 'DEMO' from reading r
                    where r.register_id = (select min(g.id) from register g where g.meter_id = ?)""")
                    .params(register, takenDown).update();
            assertThat(newestVisible(new AccessScope.Everything("a"), takenDown)).as("the admin sees every reading")
                    .isAfter(newestVisible(new AccessScope.Resident("r", premise), takenDown));

            long management = jdbc.sql("select management_org_id from building where id = ?").param(building)
                    .query(Long.class).single();
            Long service = jdbc.sql("select service_org_id from building where id = ?").param(building)
                    .query(Long.class).single();
            for (AccessScope scope : List.of(new AccessScope.Everything("a"),
                    new AccessScope.ManagementCompany("m", management), new AccessScope.ServiceCompany("o", service),
                    new AccessScope.Resident("r", premise))) {
                Map<Long, Timestamp> fast = newest(scope, MeterVisibility.newestReading(scope, "m.id"));
                Map<Long, Timestamp> perRow = newest(scope, Sql.format("(select max(r.measured_at) from register g"
                        + " join reading r on r.register_id = g.id where g.meter_id = m.id and %s)",
                        MeterVisibility.reading(scope, "m.id", "r.measured_at")));
                assertThat(fast).as(scope.role().name()).isEqualTo(perRow).isNotEmpty();
                if (!(scope instanceof AccessScope.Resident)) {
                    assertThat(fast).as(scope.role() + " sees the meter its building's channel found")
                            .containsKey(found);
                    assertThat(fast.get(found)).isNotNull();
                }
            }
            status.setRollbackOnly();
        });
    }

    private Timestamp newestVisible(AccessScope scope, long meter) {
        return newest(scope, MeterVisibility.newestReading(scope, "m.id")).get(meter);
    }

    /** Per meter the scope sees, the newest reading by {@code newest}. */
    private Map<Long, Timestamp> newest(AccessScope scope, Sql newest) {
        Map<Long, Timestamp> out = new HashMap<>();
        Sql.format("select m.id, %s from meter m where %s", newest, MeterVisibility.meter(scope, "m")).on(jdbc)
                .query((RowCallbackHandler) rs -> out.put(rs.getLong(1), rs.getTimestamp(2)));
        return out;
    }
}
