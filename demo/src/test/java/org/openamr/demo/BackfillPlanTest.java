package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BackfillPlanTest {

    private static final ZoneId MSK = DemoBuilding.ZONE;

    private static Instant msk(int y, int m, int d, int h) {
        return LocalDateTime.of(y, m, d, h, 0).atZone(MSK).toInstant();
    }

    @Test
    void localMidnightsFromTheFirstOfTheMonthBackAndTheHoursOfTheLastDays() {
        Instant now = LocalDateTime.of(2026, 2, 17, 9, 47).atZone(MSK).toInstant();
        BackfillPlan plan = BackfillPlan.of(now, MSK, 1, 1, null);
        // 31 January midnights and 17 February ones; 25 hours 16th 09:00 .. 17th 09:00, one of them a midnight
        assertThat(plan.times()).hasSize(31 + 17 + 24).isSorted().doesNotHaveDuplicates();
        assertThat(plan.times().get(0)).isEqualTo(msk(2026, 1, 1, 0));
        assertThat(plan.times().get(plan.times().size() - 1)).isEqualTo(msk(2026, 2, 17, 9));
        assertThat(plan.times()).contains(msk(2026, 2, 16, 9), msk(2026, 2, 16, 23))
                .doesNotContain(msk(2026, 2, 16, 8), msk(2026, 1, 31, 12));
    }

    @Test
    void aRestartOnlyFillsWhatComesAfterTheLastRun() {
        Instant now = LocalDateTime.of(2026, 2, 17, 9, 47).atZone(MSK).toInstant();
        assertThat(BackfillPlan.of(now, MSK, 13, 7, msk(2026, 2, 17, 0)).times())
                .containsExactly(msk(2026, 2, 17, 1), msk(2026, 2, 17, 2), msk(2026, 2, 17, 3), msk(2026, 2, 17, 4),
                        msk(2026, 2, 17, 5), msk(2026, 2, 17, 6), msk(2026, 2, 17, 7), msk(2026, 2, 17, 8),
                        msk(2026, 2, 17, 9));
        assertThat(BackfillPlan.of(now, MSK, 13, 7, msk(2026, 2, 17, 9)).isEmpty()).isTrue();
        assertThat(BackfillPlan.of(now, MSK, 0, 0, null).times()).hasSize(17);
    }
}
