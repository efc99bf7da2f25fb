package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.consumption.Sample;
import org.openamr.server.event.EventKind;
import org.openamr.server.event.MeterEvent;

class MeterConditionRuleTest {

    static final MeterConditionRule ERROR = new MeterConditionRule(RuleKind.METER_ERROR);
    static final MeterConditionRule BATTERY = new MeterConditionRule(RuleKind.LOW_BATTERY);
    static final Instant T0 = Instant.parse("2026-11-02T03:00:00Z");

    static MeterEvent active(String code, String en) {
        return new MeterEvent(Series.METER.id(), "71234567", T0, EventKind.RAISED, code, en, "", "POLL");
    }

    static MeterState readout(int hour, List<MeterEvent> active) {
        return new MeterState(Series.METER, T0.plus(Duration.ofHours(hour)), active, null, null);
    }

    static Sample hours(int hour, String value) {
        return new Sample(T0.plus(Duration.ofHours(hour)), new BigDecimal(value));
    }

    @Test
    void anErrorConditionRaisesAndAReadoutWithoutItClears() {
        Verdict raised = ERROR.evaluate(readout(0, List.of(active("NO_FLOW_SIGNAL", "Air in the flow sensor"))));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().detail()).contains("NO_FLOW_SIGNAL (Air in the flow sensor) since " + T0);

        Verdict cleared = ERROR.evaluate(readout(1, List.of()));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().at()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void lowBatteryIsItsOwnKindAndBusyIsNoError() {
        List<MeterEvent> battery = List.of(active("STATUS_POWER_LOW", "Power low"), active("STATUS_BUSY", "Busy"));

        assertThat(BATTERY.evaluate(readout(0, battery)).holds()).isTrue();
        assertThat(ERROR.evaluate(readout(0, battery)).finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(BATTERY.evaluate(readout(0, List.of(active("STATUS_PERMANENT_ERROR", "Permanent error"))))
                .finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void aGrowingTimeInErrorIsAnErrorUntilItStops() {
        MeterState growing = new MeterState(Series.METER, T0, List.of(), hours(-1, "12"), hours(0, "13"));
        MeterState standing = new MeterState(Series.METER, T0, List.of(), hours(0, "13"), hours(1, "13"));

        Verdict raised = ERROR.evaluate(growing);

        assertThat(raised.holds()).isTrue();
        assertThat(raised.evidence().detail()).contains("time in error rose from 12");
        assertThat(ERROR.evaluate(standing).finding()).isEqualTo(Verdict.Finding.ENDED);
        // the battery does not look at it
        assertThat(BATTERY.evaluate(growing).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void doesNotRaiseForAMeterNeverRead() {
        assertThat(ERROR.evaluate(new MeterState(Series.METER, null, List.of(), null, null)).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesAKindThatIsNotAMeterCondition() {
        assertThatThrownBy(() -> new MeterConditionRule(RuleKind.LEAK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEAK");
    }
}
