package org.openamr.server.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trigger behind {@code reading_irregular_step}: whatever order and grouping readings are stored in, the
 * later reading of every step that goes down or changes the number of decimals is noted — for readings appended
 * in one run, for a run stored before older ones, and for readings stored between older ones.
 */
@ServerTest
class ReadingIrregularStepTest {

    static final Instant T0 = Instant.parse("2026-10-10T00:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReadingPartitions partitions;

    @Test
    void readingsStoredBetweenOlderOnesAreCheckedAgainstBothNeighbours() {
        long register = register();
        store(register, 1, "1", 3, "3", 5, "5");
        assertThat(noted(register)).isEmpty();
        // 4 after 1 rises, but 3 then falls from it; 2 falls from 3; 5 rises from 2
        store(register, 2, "4", 4, "2");
        assertThat(noted(register)).containsExactly(at(3), at(4));
    }

    @Test
    void aRunIsCheckedWithinItselfAndAtBothEnds() {
        long register = register();
        store(register, 1, "10", 10, "20");
        // a run between the two: rises from 10, goes down inside (13 → 12), and its last (25) is above 20
        store(register, 2, "11", 3, "13", 4, "12", 5, "25");
        assertThat(noted(register)).containsExactly(at(4), at(10));
    }

    @Test
    void anotherNumberOfDecimalsIsIrregularEvenWhenTheValueRises() {
        long register = register();
        store(register, 1, "1.5", 2, "1.60", 3, "1.70");
        assertThat(noted(register)).containsExactly(at(2));
    }

    @Test
    void risingReadingsInAnyOrderNoteNothing() {
        long register = register();
        store(register, 5, "5", 9, "9");
        store(register, 1, "1", 2, "2");
        store(register, 3, "3", 7, "7", 8, "8");
        store(register, 4, "4", 6, "6");
        assertThat(noted(register)).isEmpty();
    }

    private long register() {
        RegistryFixture fx = new RegistryFixture(jdbc, partitions);
        fx.partitions(YearMonth.of(2026, 10), YearMonth.of(2026, 10));
        return fx.register(fx.meter(RegistryFixture.unique("IRR"), 8), "VOLUME", "m3", 0, 0);
    }

    /** One statement storing the given (hour, value) pairs. */
    private void store(long register, Object... hoursAndValues) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < hoursAndValues.length; i += 2) {
            values.append(values.length() > 0 ? ", " : "").append("(").append(register).append(", timestamptz '")
                    .append(at((Integer) hoursAndValues[i])).append("', ").append(hoursAndValues[i + 1])
                    .append(", 'IMPORT')");
        }
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values " + values).update();
    }

    private List<Instant> noted(long register) {
        return jdbc.sql("select measured_at from reading_irregular_step where register_id = ? order by measured_at")
                .param(register).query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
    }

    private static Instant at(int hour) {
        return T0.plusSeconds(hour * 3600L);
    }
}
