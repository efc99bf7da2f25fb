package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.server.alarm.rule.Series.START;
import static org.openamr.server.alarm.rule.Series.array;
import static org.openamr.server.alarm.rule.Series.hourly;
import static org.openamr.server.alarm.rule.Series.rising;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.SourceReading;

class LeakRuleTest {

    static final LeakRule RULE = new LeakRule(LeakRule.Parameters.DEFAULT);

    @Test
    void raisesAfterTwentyFourHoursOfFlowAndClearsOnTheFirstHourWithout() {
        // 2 l an hour, day and night: 25 readings are 24 hourly figures
        List<String> readings = rising("100.000", "0.002", 25);

        Verdict raised = RULE.evaluate(hourly(array(readings)));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(START.plus(Duration.ofHours(24)));
        assertThat(raised.evidence().detail()).contains("24 hours").contains("least 0.002 m3");
        assertThat(raised.evidence().readings()).extracting(SourceReading::value)
                .contains(new BigDecimal("100.000"), new BigDecimal("100.048"));

        // 23 hours are not enough
        assertThat(RULE.evaluate(hourly(array(readings.subList(0, 24)))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);

        readings.add("100.048"); // the tap is fixed: an hour without consumption
        Verdict cleared = RULE.evaluate(hourly(array(readings)));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().at()).isEqualTo(START.plus(Duration.ofHours(25)));
        assertThat(cleared.evidence().readings()).extracting(SourceReading::measuredAt)
                .containsExactly(START.plus(Duration.ofHours(24)), START.plus(Duration.ofHours(25)));
    }

    @Test
    void anHourAtTheThresholdIsNotALeak() {
        LeakRule rule = new LeakRule(new LeakRule.Parameters(3, new BigDecimal("0.002")));

        assertThat(rule.evaluate(hourly(array(rising("5", "0.003", 4)))).holds()).isTrue();
        assertThat(rule.evaluate(hourly("5", "5.003", "5.005", "5.008")).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void doesNotRaiseWhenHoursHaveNoReadings() {
        List<String> readings = rising("100.000", "0.002", 25);
        // four hours without a reading: too far apart to interpolate, so those hours have no figure
        for (int i = 10; i < 14; i++) {
            readings.set(i, null);
        }

        Verdict verdict = RULE.evaluate(hourly(array(readings)));

        assertThat(verdict.finding()).isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(verdict.evidence().detail()).contains("no figure").contains("GAP");
        assertThat(RULE.evaluate(hourly(array(new ArrayList<>(Collections.nCopies(25, (String) null))))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void anHourWithoutConsumptionEndsItEvenWhenOtherHoursHaveNoFigure() {
        List<String> readings = rising("100.000", "0.002", 25);
        for (int i = 2; i < 6; i++) {
            readings.set(i, null);
        }
        readings.set(20, "100.038"); // 19 → 20 does not rise

        assertThat(RULE.evaluate(hourly(array(readings))).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new LeakRule.Parameters(-1, BigDecimal.ZERO))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("hours:").hasMessageContaining("-1");
        assertThatThrownBy(() -> new LeakRule.Parameters(24, new BigDecimal("-0.001")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("threshold:");
        assertThatThrownBy(() -> new LeakRule.Parameters(24, null))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("threshold:");
    }
}
