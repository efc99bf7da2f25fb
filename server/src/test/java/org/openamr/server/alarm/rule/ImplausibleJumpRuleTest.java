package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.server.alarm.rule.Series.meter;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;

class ImplausibleJumpRuleTest {

    static final ImplausibleJumpRule RULE = new ImplausibleJumpRule(ImplausibleJumpRule.Parameters.WATER_DEFAULT);

    @Test
    void raisesOnARiseFasterThanTheMeterCanCountAndClearsOnAPlausibleOne() {
        Verdict raised = RULE.evaluate(meter(null, "10.000", "10.050", "13.176"));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().detail()).contains("rose by 3.126 in 3600 s");

        assertThat(RULE.evaluate(meter(null, "10.000", "10.050", "13.176", "13.300")).finding())
                .isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void theMaximumFlowIsPerHourOfTheStep() {
        // exactly the maximum is possible; three hours allow three times as much
        assertThat(RULE.evaluate(meter(null, "10.000", "13.125")).finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(RULE.evaluate(meter(null, "10.000", null, null, "19.375")).finding())
                .isEqualTo(Verdict.Finding.ENDED);
        assertThat(RULE.evaluate(meter(null, "10.000", null, null, "19.376")).holds()).isTrue();
    }

    @Test
    void doesNotRaiseWithoutTwoReadings() {
        assertThat(RULE.evaluate(meter(null, "10.000")).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new ImplausibleJumpRule.Parameters(BigDecimal.ZERO))
                .isInstanceOf(BadRequestException.class).hasMessage("maxPerHour: must be more than 0 (was 0)");
    }
}
