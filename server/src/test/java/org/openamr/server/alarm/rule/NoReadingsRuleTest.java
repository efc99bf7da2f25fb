package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;

class NoReadingsRuleTest {

    /** without the minimum, so that hourly polls show the periods */
    static final NoReadingsRule RULE = new NoReadingsRule(new NoReadingsRule.Parameters(2, Duration.ZERO));
    static final AlarmObject CHANNEL = new AlarmObject(AlarmObject.Kind.CHANNEL,
            UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    static final Duration HOURLY = Duration.ofHours(1);
    static final Instant T0 = Instant.parse("2026-11-02T03:00:00Z");

    static Silence silence(Instant last, Instant now) {
        return new Silence(CHANNEL, HOURLY, T0.minus(Duration.ofDays(30)), last, now);
    }

    @Test
    void raisesAfterTwoSilentPeriodsAndClearsOnTheNextReading() {
        assertThat(RULE.evaluate(silence(T0, T0.plus(Duration.ofHours(2)))).finding())
                .isEqualTo(Verdict.Finding.ENDED);

        Verdict raised = RULE.evaluate(silence(T0, T0.plus(Duration.ofMinutes(121))));

        assertThat(raised.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(raised.evidence().at()).isEqualTo(T0);
        assertThat(raised.evidence().detail()).contains("last reading at " + T0).contains("121 min");

        Instant back = T0.plus(Duration.ofHours(5));
        Verdict cleared = RULE.evaluate(silence(back, back.plus(Duration.ofMinutes(3))));

        assertThat(cleared.finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(cleared.evidence().at()).isEqualTo(back);
    }

    @Test
    void anObjectNeverReadCountsFromWhenReadingsWereExpected() {
        Instant installed = T0;
        assertThat(RULE.evaluate(new Silence(CHANNEL, HOURLY, installed, null, T0.plus(Duration.ofMinutes(90))))
                .finding()).isEqualTo(Verdict.Finding.ENDED);
        assertThat(RULE.evaluate(new Silence(CHANNEL, HOURLY, installed, null, T0.plus(Duration.ofHours(3))))
                .holds()).isTrue();
    }

    @Test
    void byDefaultAgreesWithTheMetersPage() {
        NoReadingsRule rule = new NoReadingsRule(NoReadingsRule.Parameters.DEFAULT);

        // hourly polls: the meters page's 48 hours, not two hours
        assertThat(rule.evaluate(silence(T0, T0.plus(Duration.ofHours(48)))).finding())
                .isEqualTo(Verdict.Finding.ENDED);
        assertThat(rule.evaluate(silence(T0, T0.plus(Duration.ofHours(48)).plusSeconds(1))).holds()).isTrue();
        // monthly: two months
        Silence monthly = new Silence(CHANNEL, Duration.ofDays(31), T0, T0, T0.plus(Duration.ofDays(40)));
        assertThat(rule.evaluate(monthly).finding()).isEqualTo(Verdict.Finding.ENDED);
        // a concentrator that pushes when it pleases: the minimum
        assertThat(rule.evaluate(new Silence(CHANNEL, null, T0, T0, T0.plus(Duration.ofDays(3)))).holds()).isTrue();
    }

    @Test
    void doesNotRaiseForAnObjectNotExpectedToDeliver() {
        assertThat(RULE.evaluate(new Silence(CHANNEL, HOURLY, null, null, T0.plus(Duration.ofDays(9)))).finding())
                .isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new NoReadingsRule.Parameters(0, Duration.ZERO))
                .isInstanceOf(BadRequestException.class).hasMessage("periods: must be from 1 to 1000 (was 0)");
        assertThatThrownBy(() -> new NoReadingsRule.Parameters(2, Duration.ofHours(-1)))
                .isInstanceOf(BadRequestException.class).hasMessageStartingWith("minimum:");
    }
}
