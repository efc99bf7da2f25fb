package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;

class ClockDriftRuleTest {

    static final ClockDriftRule RULE = new ClockDriftRule(ClockDriftRule.Parameters.DEFAULT);
    static final Instant T0 = Instant.parse("2026-11-02T03:00:07Z");

    static MeterClock clock(Duration off) {
        return new MeterClock(Series.METER, T0.plus(off), T0);
    }

    @Test
    void raisesBeyondTenMinutesEitherWayAndClearsWithin() {
        Verdict raised = RULE.evaluate(clock(Duration.ofMinutes(-10).minusSeconds(1)));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().detail()).contains("behind by 601 s");
        assertThat(RULE.evaluate(clock(Duration.ofMinutes(11))).holds()).isTrue();

        Verdict cleared = RULE.evaluate(clock(Duration.ofMinutes(10)));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().detail()).contains("ahead by 600 s");
    }

    @Test
    void doesNotRaiseWhenTheMeterDoesNotReportItsClock() {
        assertThat(RULE.evaluate(new MeterClock(Series.METER, null, T0)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new ClockDriftRule.Parameters(0))
                .isInstanceOf(BadRequestException.class).hasMessage("minutes: must be from 1 to 1440 (was 0)");
    }
}
