package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.consumption.Sample;
import org.openamr.server.report.heatsheet.AbnormalSituation;

class HeatRangeRuleTest {

    static final HeatRangeRule.Limits LIMITS = new HeatRangeRule.Limits(new BigDecimal("0.6"), new BigDecimal("12"),
            new BigDecimal("3"));
    static final HeatRangeRule BELOW = new HeatRangeRule(LIMITS, RuleKind.HEAT_FLOW_BELOW_RANGE);
    static final HeatRangeRule ABOVE = new HeatRangeRule(LIMITS, RuleKind.HEAT_FLOW_ABOVE_RANGE);
    static final HeatRangeRule DELTA_T = new HeatRangeRule(LIMITS, RuleKind.HEAT_DELTA_T_BELOW_MINIMUM);
    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    static HeatState state(int hour, String flow, String deltaT) {
        Instant at = T0.plus(Duration.ofHours(hour));
        return new HeatState(Series.METER, flow == null ? null : new Sample(at, new BigDecimal(flow)),
                deltaT == null ? null : new Sample(at, new BigDecimal(deltaT)));
    }

    @Test
    void flowBelowGminRaisesAndClearsButNoFlowIsAnotherSituation() {
        Verdict raised = BELOW.evaluate(state(0, "0.59", "20"));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().detail()).contains("flow 0.59").contains("Gmin 0.6");
        assertThat(BELOW.evaluate(state(1, "0.6", "20")).finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(BELOW.evaluate(state(1, "0", "20")).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void flowAboveGmaxRaisesAndClears() {
        assertThat(ABOVE.evaluate(state(0, "12.001", "20")).holds()).isTrue();
        assertThat(ABOVE.evaluate(state(1, "12", "20")).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void deltaTBelowMinimumCountsOnlyWhileTheCarrierFlows() {
        Verdict raised = DELTA_T.evaluate(state(0, "4.2", "2.9"));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(T0);
        assertThat(DELTA_T.evaluate(state(1, "4.2", "3")).finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(DELTA_T.evaluate(state(1, "0", "0.5")).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void doesNotRaiseOnValuesNotReported() {
        assertThat(BELOW.evaluate(state(0, null, "20")).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(ABOVE.evaluate(state(0, null, null)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(DELTA_T.evaluate(state(0, "4.2", null)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesLimitsOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new HeatRangeRule.Limits(new BigDecimal("13"), new BigDecimal("12"), BigDecimal.ONE))
                .isInstanceOf(BadRequestException.class).hasMessage("gmin: must be less than gmax 12 (was 13)");
        assertThatThrownBy(() -> new HeatRangeRule.Limits(new BigDecimal("-1"), new BigDecimal("12"), BigDecimal.ONE))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("gmin:");
        assertThatThrownBy(() -> new HeatRangeRule.Limits(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("-0.1")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("deltaTMin:");
        assertThatThrownBy(() -> new HeatRangeRule(LIMITS, RuleKind.LEAK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHeatSheetKnowsWhichSituationEachIs() {
        assertThat(AbnormalSituation.ofRule(RuleKind.HEAT_FLOW_BELOW_RANGE).orElseThrow().code()).isEqualTo(1);
        assertThat(AbnormalSituation.ofRule(RuleKind.HEAT_FLOW_ABOVE_RANGE).orElseThrow().code()).isEqualTo(2);
        assertThat(AbnormalSituation.ofRule(RuleKind.HEAT_DELTA_T_BELOW_MINIMUM).orElseThrow().code()).isEqualTo(3);
        assertThat(AbnormalSituation.ofRule(RuleKind.LEAK)).isEmpty();
    }
}
