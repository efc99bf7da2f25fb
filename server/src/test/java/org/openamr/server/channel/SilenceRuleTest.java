package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The period of a schedule, from which the silence rule takes its allowance. */
class SilenceRuleTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant NOW = Instant.parse("2026-02-10T12:34:56Z");

    @Test
    void aScheduleSlotIsTheTimeBetweenItsNextTwoRuns() {
        assertThat(SilenceRule.slot("0 * * * * *", MOSCOW, NOW)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SilenceRule.slot("0 0 3 * * *", MOSCOW, NOW)).isEqualTo(Duration.ofDays(1));
        // next runs 1 March and 1 April: a 31-day month
        assertThat(SilenceRule.slot("0 0 1 1 * *", MOSCOW, NOW)).isEqualTo(Duration.ofDays(31));
    }

    @Test
    void aScheduleThatDoesNotParseGivesNoSlot() {
        assertThat(SilenceRule.slot("every day", MOSCOW, NOW)).isNull();
    }
}
