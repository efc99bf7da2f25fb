package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.balance.BuildingBalance;
import org.openamr.server.consumption.Interval;
import org.openamr.server.consumption.TotalInterval;
import org.openamr.server.consumption.TotalStatus;

class ImbalanceRuleTest {

    static final ImbalanceRule RULE = new ImbalanceRule(ImbalanceRule.Parameters.DEFAULT);
    static final AlarmObject BUILDING = AlarmObject.building(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final Interval NOVEMBER = new Interval(Instant.parse("2026-10-31T21:00:00Z"),
            Instant.parse("2026-11-30T21:00:00Z"));

    static TotalInterval sum(String value, int points, int withData) {
        TotalStatus status = withData == 0 ? TotalStatus.GAP : withData < points ? TotalStatus.PARTIAL
                : TotalStatus.COMPLETE;
        return new TotalInterval(NOVEMBER, value == null ? null : new BigDecimal(value), status, points, withData,
                points - withData, 0);
    }

    static BuildingMonth month(TotalInterval house, TotalInterval flats) {
        return new BuildingMonth(BUILDING, new BuildingBalance.Row(NOVEMBER, house, flats, null));
    }

    @Test
    void raisesBeyondFifteenPercentEitherWayAndClearsWithin() {
        Verdict raised = RULE.evaluate(month(sum("41050.5", 1, 1), sum("34800", 60, 60)));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(NOVEMBER.end());
        assertThat(raised.evidence().detail()).contains("building meters 41050.5").contains("apartments 34800")
                .contains("difference 15.2 %").contains("limit 15 %");
        // the apartments counting more than the house is as wrong
        assertThat(RULE.evaluate(month(sum("1000", 1, 1), sum("1150.001", 60, 60))).holds()).isTrue();

        Verdict cleared = RULE.evaluate(month(sum("41050.5", 1, 1), sum("35225.25", 60, 60)));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().detail()).contains("difference 14.2 %");
        // exactly the limit is within it
        assertThat(RULE.evaluate(month(sum("1000", 1, 1), sum("850", 60, 60))).finding())
                .isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void doesNotRaiseOnPartialSums() {
        // a flat without data makes the apartments' sum look small: no balance then
        assertThat(RULE.evaluate(month(sum("41050.5", 1, 1), sum("20000", 60, 40))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(RULE.evaluate(month(sum(null, 1, 0), sum("35225.25", 60, 60))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
        assertThat(RULE.evaluate(month(sum("0", 1, 1), sum("35225.25", 60, 60))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new ImbalanceRule.Parameters(new BigDecimal("-5")))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("percent:");
        assertThatThrownBy(() -> new ImbalanceRule.Parameters(new BigDecimal("1000.1")))
                .isInstanceOf(BadRequestException.class).hasMessage("percent: must be at most 1000 (was 1000.1)");
    }
}
