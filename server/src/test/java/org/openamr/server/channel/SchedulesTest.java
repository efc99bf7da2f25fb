package org.openamr.server.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final String NIGHTLY = "0 0 3 * * *";

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aScheduleFiresAtItsFirstSlotAfterItWasSetInTheBuildingsZone() {
        Instant since = at("2026-01-10T12:00:00Z");
        // 03:00 in Moscow is 00:00 UTC
        assertThat(Schedules.due(NIGHTLY, since, null, MOSCOW, at("2026-01-10T23:59:59Z"))).isFalse();
        assertThat(Schedules.due(NIGHTLY, since, null, MOSCOW, at("2026-01-11T00:00:00Z"))).isTrue();
        assertThat(Schedules.due(NIGHTLY, since, null, ZoneId.of("Asia/Yekaterinburg"), at("2026-01-10T22:00:00Z")))
                .as("03:00 in Yekaterinburg is 22:00 UTC").isTrue();
    }

    @Test
    void aSlotRunOnceIsNotDueAgain() {
        Instant since = at("2026-01-01T00:00:00Z");
        Instant ran = at("2026-01-11T00:00:01Z");
        assertThat(Schedules.due(NIGHTLY, since, ran, MOSCOW, at("2026-01-11T12:00:00Z"))).isFalse();
        assertThat(Schedules.due(NIGHTLY, since, ran, MOSCOW, at("2026-01-12T00:00:00Z"))).isTrue();
    }

    @Test
    void slotsMissedWhileNoServerRanAreMadeUpByOneRun() {
        Instant since = at("2025-12-01T00:00:00Z");
        Instant lastRun = at("2026-01-01T00:00:00Z");
        Instant now = at("2026-01-11T10:00:00Z");
        assertThat(Schedules.due(NIGHTLY, since, lastRun, MOSCOW, now)).isTrue();
        assertThat(Schedules.due(NIGHTLY, since, now, MOSCOW, now.plusSeconds(60))).as("after the catch-up run")
                .isFalse();
    }

    @Test
    void aChangedScheduleCountsFromTheChangeNotFromOldRuns() {
        Instant lastRun = at("2026-01-01T00:00:00Z");
        Instant changed = at("2026-01-11T09:00:00Z");
        assertThat(Schedules.due(NIGHTLY, changed, lastRun, MOSCOW, at("2026-01-11T10:00:00Z"))).isFalse();
    }

    @Test
    void anInvalidCronIsRefused() {
        assertThatThrownBy(() -> Schedules.due("0 0 25 * * *", Instant.EPOCH, null, MOSCOW, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
