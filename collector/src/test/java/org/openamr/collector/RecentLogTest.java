package org.openamr.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentLogTest {

    @Test
    void keepsTheLastLinesOnlyAndCutsLongOnes() {
        RecentLog ring = new RecentLog(3, Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC));
        List<String> other = new ArrayList<>();
        EventLog both = ((EventLog) (level, text) -> other.add(text)).and(ring);
        for (int i = 1; i <= 5; i++) {
            both.info("line " + i);
        }
        assertThat(ring.lines()).containsExactly("2026-12-06T04:00:00Z INFO line 3", "2026-12-06T04:00:00Z INFO line 4",
                "2026-12-06T04:00:00Z INFO line 5");
        assertThat(other).hasSize(5);
        ring.warn("x".repeat(5000));
        assertThat(ring.lines().get(2)).hasSize(RecentLog.MAX_LINE).endsWith("…");
    }
}
