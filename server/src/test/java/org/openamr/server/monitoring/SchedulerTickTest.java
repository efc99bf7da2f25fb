package org.openamr.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchedulerTickTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration TICK = Duration.ofSeconds(5);

    @Test
    void aTaskThatNeverRanIsLateOnlyAnIntervalAndTheGraceAfterItsFirstRunWasDue() {
        SchedulerTick never = new SchedulerTick("PollScheduler.tick", TICK, TICK, null, false);
        Instant due = START.plus(TICK).plus(TICK).plus(SchedulerTick.GRACE);
        assertThat(never.late(START, due)).isFalse();
        assertThat(never.late(START, due.plusSeconds(1))).isTrue();
    }

    @Test
    void aTaskIsLateWhenItsLastStartIsMoreThanAnIntervalAndTheGraceAgo() {
        Instant last = START.plus(Duration.ofHours(1));
        SchedulerTick idle = new SchedulerTick("AlarmScheduler.tick", Duration.ofSeconds(15), Duration.ofSeconds(15),
                last, false);
        assertThat(idle.late(START, last.plusSeconds(15).plus(SchedulerTick.GRACE))).isFalse();
        assertThat(idle.late(START, last.plusSeconds(16).plus(SchedulerTick.GRACE))).isTrue();
    }

    @Test
    void aRunThatHangsMakesItsTaskLate() {
        Instant last = START.plus(Duration.ofHours(1));
        SchedulerTick stuck = new SchedulerTick("SubscriptionRunner.tick", Duration.ofSeconds(30),
                Duration.ofSeconds(30), last, true);
        assertThat(stuck.late(START, last.plus(Duration.ofMinutes(1)))).isFalse();
        assertThat(stuck.late(START, last.plus(Duration.ofMinutes(3)))).isTrue();
    }
}
