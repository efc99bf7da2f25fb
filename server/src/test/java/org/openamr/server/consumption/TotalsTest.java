package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Unit;

class TotalsTest {

    static final Interval DAY = new Interval(Instant.parse("2026-11-01T21:00:00Z"), Instant.parse("2026-11-02T21:00:00Z"));

    static PointInterval point(String value, PointStatus status) {
        return new PointInterval(DAY, value == null ? null : new BigDecimal(value), Unit.M3, status, false, List.of(),
                List.of());
    }

    @Test
    void everyPointWithAFigureIsComplete() {
        TotalInterval t = Totals.sum(List.of(List.of(point("1.5", PointStatus.COMPLETE)),
                List.of(point("0.25", PointStatus.COMPLETE))), List.of(DAY)).get(0);
        assertThat(t.status()).isEqualTo(TotalStatus.COMPLETE);
        assertThat(t.value().toPlainString()).isEqualTo("1.75");
        assertThat(t.withData()).isEqualTo(2);
    }

    @Test
    void missingPointsMakeItPartialAndAreCountedNotZeroed() {
        TotalInterval t = Totals.sum(List.of(List.of(point("1.5", PointStatus.COMPLETE)),
                List.of(point(null, PointStatus.GAP)), List.of(point(null, PointStatus.ANOMALY)),
                List.of(point("2", PointStatus.COMPLETE))), List.of(DAY)).get(0);
        assertThat(t.status()).isEqualTo(TotalStatus.PARTIAL);
        assertThat(t.value()).isEqualByComparingTo("3.5");
        assertThat(t.points()).isEqualTo(4);
        assertThat(t.withData()).isEqualTo(2);
        assertThat(t.missing()).isEqualTo(1);
        assertThat(t.anomalous()).isEqualTo(1);
    }

    @Test
    void noFigureAtAllIsAGapWithoutValue() {
        TotalInterval t = Totals.sum(List.of(List.of(point(null, PointStatus.GAP))), List.of(DAY)).get(0);
        assertThat(t.status()).isEqualTo(TotalStatus.GAP);
        assertThat(t.value()).isNull();
        TotalInterval none = Totals.sum(List.of(), List.of(DAY)).get(0);
        assertThat(none.status()).isEqualTo(TotalStatus.GAP);
        assertThat(none.value()).isNull();
        assertThat(none.points()).isZero();
    }
}
