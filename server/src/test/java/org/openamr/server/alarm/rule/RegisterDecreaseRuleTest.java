package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.server.alarm.rule.Series.START;
import static org.openamr.server.alarm.rule.Series.meter;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.alarm.rule.RegisterDecreaseRule.Cause;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.SourceReading;

class RegisterDecreaseRuleTest {

    static final RegisterDecreaseRule RULE = new RegisterDecreaseRule(RegisterDecreaseRule.Parameters.DEFAULT);

    @Test
    void raisesOnALowerReadingAndClearsOnTheNextThatDoesNotGoDown() {
        Verdict raised = RULE.evaluate(meter(null, "120.500", "120.510", "120.490"));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(raised.evidence().detail()).contains("from 120.510").contains("to 120.490")
                .contains(Cause.REVERSE_RUNNING.label().en());
        assertThat(raised.evidence().readings()).extracting(SourceReading::value)
                .containsExactly(new BigDecimal("120.510"), new BigDecimal("120.490"));

        Verdict cleared = RULE.evaluate(meter(null, "120.500", "120.510", "120.490", "120.490"));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().at()).isEqualTo(START.plus(Duration.ofHours(3)));
    }

    @Test
    void saysWhetherARolloverOrAReplacementIsLikely() {
        assertThat(RegisterDecreaseRule.cause(new BigDecimal("99999.990"), new BigDecimal("0.020"), 8))
                .isEqualTo(Cause.ROLLOVER);
        // the same values without known digits: a new meter starting near zero
        assertThat(RegisterDecreaseRule.cause(new BigDecimal("99999.990"), new BigDecimal("0.020"), null))
                .isEqualTo(Cause.REPLACEMENT);
        assertThat(RegisterDecreaseRule.cause(new BigDecimal("345.6"), new BigDecimal("34.56"), null))
                .isEqualTo(Cause.REPLACEMENT);
        assertThat(RegisterDecreaseRule.cause(new BigDecimal("345.6"), new BigDecimal("34.57"), null))
                .isEqualTo(Cause.REVERSE_RUNNING);
        assertThat(RULE.evaluate(meter(8, "99999.990", "0.020")).evidence().detail())
                .contains(Cause.ROLLOVER.label().en());
    }

    @Test
    void aStepWithinTheToleranceIsNoAlarm() {
        RegisterDecreaseRule tolerant = new RegisterDecreaseRule(new RegisterDecreaseRule.Parameters(
                new BigDecimal("0.01")));

        assertThat(tolerant.evaluate(meter(null, "120.510", "120.500")).finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(tolerant.evaluate(meter(null, "120.510", "120.499")).holds()).isTrue();
    }

    @Test
    void doesNotRaiseWithoutTwoReadings() {
        assertThat(RULE.evaluate(meter(null)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(RULE.evaluate(meter(null, null, "120.500")).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new RegisterDecreaseRule.Parameters(new BigDecimal("-1")))
                .isInstanceOf(BadRequestException.class).hasMessage("tolerance: must not be negative (was -1)");
    }
}
