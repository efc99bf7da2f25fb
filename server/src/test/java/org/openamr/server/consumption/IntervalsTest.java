package org.openamr.server.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.server.api.BadRequestException;

class IntervalsTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Instant midnight(String date, ZoneId zone) {
        return LocalDate.parse(date).atStartOfDay(zone).toInstant();
    }

    @Test
    void hoursOfADaylightSavingDayAreTwentyFiveOrTwentyThree() {
        List<Interval> autumn = Intervals.of(midnight("2026-10-25", BERLIN), midnight("2026-10-26", BERLIN),
                Resolution.HOUR, BERLIN);
        assertThat(autumn).hasSize(25).allSatisfy(i -> assertThat(Duration.between(i.start(), i.end())).hasHours(1));
        // the repeated 02:00 local hour is there twice, once in summer time and once in winter time
        assertThat(autumn.get(2).start()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(autumn.get(3).start()).isEqualTo(Instant.parse("2026-10-25T01:00:00Z"));
        assertThat(autumn.get(2).start().atZone(BERLIN).getHour()).isEqualTo(2);
        assertThat(autumn.get(3).start().atZone(BERLIN).getHour()).isEqualTo(2);

        assertThat(Intervals.of(midnight("2026-03-29", BERLIN), midnight("2026-03-30", BERLIN), Resolution.HOUR, BERLIN))
                .hasSize(23);
        assertThat(Intervals.of(midnight("2026-10-25", MOSCOW), midnight("2026-10-26", MOSCOW), Resolution.HOUR, MOSCOW))
                .hasSize(24);
    }

    @Test
    void monthsStartAtLocalMidnightOfTheFirst() {
        List<Interval> months = Intervals.of(midnight("2026-01-01", MOSCOW), midnight("2027-01-01", MOSCOW),
                Resolution.MONTH, MOSCOW);
        assertThat(months).hasSize(12);
        assertThat(months.get(10).start()).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(months.get(1).end()).isEqualTo(Instant.parse("2026-02-28T21:00:00Z"));
        List<Interval> berlin = Intervals.of(midnight("2026-03-01", BERLIN), midnight("2026-05-01", BERLIN),
                Resolution.MONTH, BERLIN);
        // March starts in winter time, April in summer time
        assertThat(berlin).extracting(Interval::start)
                .containsExactly(Instant.parse("2026-02-28T23:00:00Z"), Instant.parse("2026-03-31T22:00:00Z"));
    }

    @Test
    void aPeriodOffTheBoundariesIsWidenedNeverCut() {
        // 13:00 on the 2nd to 01:00 on the 4th, Moscow time
        List<Interval> days = Intervals.of(Instant.parse("2026-11-02T10:00:00Z"), Instant.parse("2026-11-03T22:00:00Z"),
                Resolution.DAY, MOSCOW);
        assertThat(days).extracting(Interval::start).containsExactly(midnight("2026-11-02", MOSCOW),
                midnight("2026-11-03", MOSCOW), midnight("2026-11-04", MOSCOW));
        assertThat(days.get(2).end()).isEqualTo(midnight("2026-11-05", MOSCOW));
    }

    @Test
    void tooManyIntervalsOrAnEmptyPeriodAreRefused() {
        assertThat(Intervals.of(midnight("2026-01-01", MOSCOW), midnight("2026-01-01", MOSCOW).plus(Duration.ofHours(5000)),
                Resolution.HOUR, MOSCOW)).hasSize(Intervals.MAX_INTERVALS);
        assertThatThrownBy(() -> Intervals.of(midnight("2026-01-01", MOSCOW),
                midnight("2026-01-01", MOSCOW).plus(Duration.ofHours(5001)), Resolution.HOUR, MOSCOW))
                .hasMessageContaining("more than 5000 intervals");
        assertThatThrownBy(() -> Intervals.of(midnight("2026-01-02", MOSCOW), midnight("2026-01-01", MOSCOW),
                Resolution.DAY, MOSCOW)).hasMessageContaining("must be after");
    }

    @Test
    void timeParametersAreDatesMonthsLocalTimesOrInstants() {
        assertThat(TimeParameter.parse("from", "2026-11-01").at(MOSCOW)).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(TimeParameter.parse("from", "2026-11").at(MOSCOW)).isEqualTo(Instant.parse("2026-10-31T21:00:00Z"));
        assertThat(TimeParameter.parse("from", "2026-11-01T06:30").at(MOSCOW)).isEqualTo(Instant.parse("2026-11-01T03:30:00Z"));
        assertThat(TimeParameter.parse("from", "2026-11-01T06:30:00+01:00").at(MOSCOW))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(TimeParameter.parse("from", "2026-11-01T06:30:00Z").at(MOSCOW)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThatThrownBy(() -> TimeParameter.parse("to", "01.11.2026").at(MOSCOW))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("'to'").hasMessageContaining("01.11.2026");
    }
}
