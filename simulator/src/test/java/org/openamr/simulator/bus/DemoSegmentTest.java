package org.openamr.simulator.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.meter.MeterType;

class DemoSegmentTest {

    private static List<MeterInfo> demo(long seed, int n, IdScheme scheme) {
        return VirtualBus.builder().seed(seed).demo(n, scheme).build().truth().meters();
    }

    @Test
    void primaryAddressesAreUniqueUpTo250AndZeroBeyond() {
        List<MeterInfo> m = demo(1, 300, IdScheme.RANDOM);
        assertThat(m).hasSize(300);
        assertThat(m.subList(0, 250)).extracting(MeterInfo::primaryAddress).doesNotHaveDuplicates()
                .allMatch(a -> a >= 1 && a <= 250);
        assertThat(m.subList(250, 300)).extracting(MeterInfo::primaryAddress).containsOnly(0);
        assertThat(m).extracting(i -> i.secondaryAddress().id()).doesNotHaveDuplicates();
    }

    @Test
    void theDefaultMixHasEveryKind() {
        Map<MeterType, Long> kinds = demo(2, 250, IdScheme.RANDOM).stream()
                .collect(Collectors.groupingBy(MeterInfo::type, Collectors.counting()));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(MeterType.values());
        assertThat(kinds.get(MeterType.SONOSAFE_10)).isGreaterThan(kinds.get(MeterType.ENCO_PULSE));
    }

    @Test
    void consecutiveIdsFormOneBatchPerKind() {
        List<MeterInfo> m = demo(3, 120, IdScheme.CONSECUTIVE);
        Map<MeterType, List<Integer>> ids = m.stream().collect(Collectors.groupingBy(MeterInfo::type,
                Collectors.mapping(i -> Integer.parseInt(i.secondaryAddress().id()), Collectors.toList())));
        for (List<Integer> batch : ids.values()) {
            batch.sort(Comparator.naturalOrder());
            assertThat(batch.get(batch.size() - 1) - batch.get(0)).isEqualTo(batch.size() - 1);
        }
    }

    @Test
    void theSameSeedGivesTheSameSegment() {
        assertThat(demo(4, 500, IdScheme.RANDOM)).isEqualTo(demo(4, 500, IdScheme.RANDOM));
        assertThat(demo(4, 50, IdScheme.RANDOM)).isNotEqualTo(demo(5, 50, IdScheme.RANDOM));
    }
}
