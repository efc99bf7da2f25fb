package org.openamr.acquisition.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(MOSCOW);
    }

    @Test
    void nextMomentOfCommonSchedules() {
        assertThat(Cron.parse("0 * * * *").next(at("2026-03-01T10:00"))).isEqualTo(at("2026-03-01T11:00"));
        assertThat(Cron.parse("*/15 * * * *").next(at("2026-03-01T10:07:30"))).isEqualTo(at("2026-03-01T10:15"));
        assertThat(Cron.parse("30 2 1 * *").next(at("2026-03-01T03:00"))).isEqualTo(at("2026-04-01T02:30"));
        assertThat(Cron.parse("0 6 * * mon-fri").next(at("2026-03-06T07:00"))).isEqualTo(at("2026-03-09T06:00")); // Fri → Mon
        assertThat(Cron.parse("0 0 1 jan,jul *").next(at("2026-03-01T00:00"))).isEqualTo(at("2026-07-01T00:00"));
        assertThat(Cron.parse("0 0 * * 7").next(at("2026-03-02T00:00"))).isEqualTo(at("2026-03-08T00:00")); // 7 = Sunday
    }

    @Test
    void restrictedDayOfMonthAndWeekFireOnEitherAsInVixieCron() {
        Cron c = Cron.parse("0 12 13 * fri");
        assertThat(c.next(at("2026-03-01T00:00"))).isEqualTo(at("2026-03-06T12:00")); // a Friday before the 13th
        assertThat(c.next(at("2026-03-12T00:00"))).isEqualTo(at("2026-03-13T12:00"));
    }

    @Test
    void mistakesNameTheField() {
        assertThatThrownBy(() -> Cron.parse("0 25 * * *")).hasMessage("cron hour field '25': 25 is outside 0–23");
        assertThatThrownBy(() -> Cron.parse("0 * * *")).hasMessageContaining("has 4 fields; expected 5");
        assertThatThrownBy(() -> Cron.parse("x * * * *")).hasMessage("cron minute field 'x': 'x' is not a number");
        assertThatThrownBy(() -> Cron.parse("0 5-3 * * *")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> Cron.parse("0 0 30 2 *").next(at("2026-01-01T00:00"))).hasMessageContaining("no moment");
    }
}
