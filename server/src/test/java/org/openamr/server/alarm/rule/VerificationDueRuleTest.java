package org.openamr.server.alarm.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.api.BadRequestException;

class VerificationDueRuleTest {

    static final VerificationDueRule RULE = new VerificationDueRule(VerificationDueRule.Parameters.DEFAULT);
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    // 2026-11-02 00:30 in Moscow, still 1 November in UTC
    static final Instant NOW = Instant.parse("2026-11-01T21:30:00Z");

    static VerificationDates dates(String next) {
        return new VerificationDates(Series.METER, next == null ? null : LocalDate.parse(next), NOW, MOSCOW);
    }

    @Test
    void raisesThirtyDaysAheadAndWhenOverdueAndClearsWhenALaterDateIsRecorded() {
        assertThat(RULE.evaluate(dates("2026-12-03")).finding()).isEqualTo(Verdict.Finding.ENDED);

        Verdict due = RULE.evaluate(dates("2026-12-02"));

        assertThat(due.finding()).isEqualTo(Verdict.Finding.HOLDS);
        assertThat(due.evidence().detail()).isEqualTo("next verification on 2026-12-02: due in 30 days");
        assertThat(due.evidence().at()).isEqualTo(Instant.parse("2026-11-01T21:00:00Z"));
        assertThat(RULE.evaluate(dates("2026-11-02")).evidence().detail()).endsWith("due today");

        Verdict overdue = RULE.evaluate(dates("2026-10-30"));

        assertThat(overdue.holds()).isTrue();
        assertThat(overdue.evidence().detail()).endsWith("overdue by 3 days");
        assertThat(VerificationDueRule.overdue(dates("2026-10-30"))).isTrue();
        assertThat(VerificationDueRule.overdue(dates("2026-11-02"))).isFalse();

        assertThat(RULE.evaluate(dates("2032-11-02")).finding()).isEqualTo(Verdict.Finding.ENDED);
    }

    @Test
    void doesNotRaiseWithoutADate() {
        assertThat(RULE.evaluate(dates(null)).finding()).isEqualTo(Verdict.Finding.UNKNOWN);
    }

    @Test
    void refusesParametersOutOfRangeNamingTheField() {
        assertThatThrownBy(() -> new VerificationDueRule.Parameters(-1))
                .isInstanceOf(BadRequestException.class).hasMessage("daysAhead: must be from 0 to 366 (was -1)");
    }
}
