package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.server.alarm.rule.Series.START;
import static org.openamr.server.alarm.rule.Series.daily;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;

class NoConsumptionRuleTest {

    static final NoConsumptionRule RULE = new NoConsumptionRule(new NoConsumptionRule.Parameters(3));

    @Test
    void raisesAfterDaysWithoutConsumptionAndClearsOnTheFirstDayWith() {
        Verdict raised = RULE.evaluate(daily(true, "40.5", "40.6", "40.6", "40.6", "40.6"));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(START.plus(Duration.ofDays(4)));
        assertThat(raised.evidence().detail()).contains("zero in each of the 3 days");

        Verdict cleared = RULE.evaluate(daily(true, "40.5", "40.6", "40.6", "40.6", "40.6", "40.65"));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().at()).isEqualTo(START.plus(Duration.ofDays(5)));
        assertThat(cleared.evidence().detail()).contains("consumption 0.05 m3");
    }

    @Test
    void aPremiseNotMarkedOccupiedIsNoAlarm() {
        assertThat(RULE.evaluate(daily(false, "40.6", "40.6", "40.6", "40.6")).finding())
                .isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void daysWithoutReadingsAreNotDaysWithoutConsumption() {
        // two days unread in a row: too far apart to interpolate
        Verdict verdict = RULE.evaluate(daily(true, "40.6", "40.6", null, null, "40.6"));

        assertThat(verdict.finding()).isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(RULE.evaluate(daily(true)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new NoConsumptionRule.Parameters(0))
                .isInstanceOf(BadRequestException.class).hasMessage("days: must be from 1 to 366 (was 0)");
    }
}
