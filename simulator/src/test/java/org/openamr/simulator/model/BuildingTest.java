package org.openamr.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildingTest {

    private static final ZoneId MSK = ConsumptionModel.MOSCOW;
    private static final String HOUSE = "71230001D3102F04";

    private static List<Household> apartments(ConsumptionModel m, int n) {
        List<Household> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(m.household("6841%04d".formatted(i) + "D3103004"));
        }
        return out;
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(MSK).toInstant();
    }

    private static long membersOver(List<Household> members, Channel ch, Instant from, Instant to) {
        long sum = 0;
        for (Household h : members) {
            sum += h.cumulative(ch, to) - h.cumulative(ch, from);
        }
        return sum;
    }

    @Test
    void eachMonthIsTheApartmentsSumTimesThatMonthsLossFactor() {
        ConsumptionModel m = new ConsumptionModel(31);
        List<Household> flats = apartments(m, 12);
        Building b = m.building(HOUSE, flats);
        Set<Integer> heatFactors = new HashSet<>();
        Set<Integer> waterFactors = new HashSet<>();
        for (YearMonth month = YearMonth.of(2024, 10); month.isBefore(YearMonth.of(2025, 10)); month = month.plusMonths(1)) {
            Instant from = start(month);
            Instant to = start(month.plusMonths(1));
            for (Channel ch : Channel.values()) {
                int f = b.lossPerMille(ch, month);
                long members = membersOver(flats, ch, from, to);
                assertThat(members).as("%s %s", ch, month).isPositive();
                assertThat(b.cumulative(ch, to) - b.cumulative(ch, from)).as("%s %s", ch, month)
                        .isEqualTo(members * f / 1000);
                if (ch.isHeat()) {
                    assertThat(f).isBetween(1050, 1100);
                    heatFactors.add(f);
                } else {
                    assertThat(f).isBetween(1020, 1040);
                    waterFactors.add(f);
                }
            }
        }
        // the losses vary from month to month, as a real balance does
        assertThat(heatFactors).hasSizeGreaterThan(3);
        assertThat(waterFactors).hasSizeGreaterThan(3);
    }

    @Test
    void withinAMonthTheHouseMeterRunsAtTheMonthsFactorAndNeverBackwards() {
        ConsumptionModel m = new ConsumptionModel(32);
        List<Household> flats = apartments(m, 5);
        Building b = m.building(HOUSE, flats);
        YearMonth month = YearMonth.of(2025, 2);
        Instant t = start(month).plus(Duration.ofDays(11).plusHours(7).plusMinutes(13));
        long partMembers = membersOver(flats, Channel.COLD_WATER, start(month), t);
        assertThat(b.cumulative(Channel.COLD_WATER, t) - b.cumulative(Channel.COLD_WATER, start(month)))
                .isEqualTo(partMembers * b.lossPerMille(Channel.COLD_WATER, month) / 1000);

        DeterministicRandom r = new DeterministicRandom(3);
        Instant at = LocalDateTime.of(2024, 12, 30, 22, 0).atZone(MSK).toInstant();
        long[] last = new long[Channel.values().length];
        for (int i = 0; i < 400; i++) {
            at = at.plusSeconds(1 + r.nextInt(i % 2 == 0 ? 3600 : 3 * 86_400));
            for (Channel ch : Channel.values()) {
                long v = b.cumulative(ch, at);
                assertThat(v).as("%s at %s", ch, at).isGreaterThanOrEqualTo(last[ch.ordinal()]);
                last[ch.ordinal()] = v;
            }
            assertThat(b.cumulative(Channel.HEAT_ENERGY_NIGHT, at)).isLessThanOrEqualTo(b.cumulative(Channel.HEAT_ENERGY, at));
        }
    }

    @Test
    void sameSeedAgreesWhateverTheOrderOfQuestions() {
        Instant late = LocalDateTime.of(2025, 11, 20, 9, 0).atZone(MSK).toInstant();
        Instant early = LocalDateTime.of(2023, 3, 2, 18, 30).atZone(MSK).toInstant();
        ConsumptionModel m1 = new ConsumptionModel(33);
        ConsumptionModel m2 = new ConsumptionModel(33);
        Building a = m1.building(HOUSE, apartments(m1, 4));
        Building b = m2.building(HOUSE, apartments(m2, 4));
        long aLate = a.cumulative(Channel.HEAT_ENERGY, late);
        long aEarly = a.cumulative(Channel.HEAT_ENERGY, early);
        assertThat(b.cumulative(Channel.HEAT_ENERGY, early)).isEqualTo(aEarly);
        assertThat(b.cumulative(Channel.HEAT_ENERGY, late)).isEqualTo(aLate);
        assertThat(b.heat(late)).isEqualTo(a.heat(late));
        assertThat(new ConsumptionModel(34).building(HOUSE, apartments(new ConsumptionModel(34), 4))
                .cumulative(Channel.HEAT_ENERGY, late)).isNotEqualTo(aLate);
    }

    @Test
    void installedWithTheFirstApartmentMeterAndZeroBefore() {
        ConsumptionModel m = new ConsumptionModel(35);
        List<Household> flats = apartments(m, 6);
        Building b = m.building(HOUSE, flats);
        Instant first = flats.stream().map(Household::installedAt).min(Instant::compareTo).orElseThrow();
        assertThat(b.installedAt()).isBeforeOrEqualTo(first)
                .isEqualTo(YearMonth.from(first.atZone(MSK)).atDay(1).atStartOfDay(MSK).toInstant());
        for (Channel ch : Channel.values()) {
            assertThat(b.cumulative(ch, b.installedAt().minusSeconds(1))).isZero();
        }
        assertThatThrownBy(() -> m.building(HOUSE, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void houseHeatFlowIsTheApartmentsFlowPlusLossesAndConsistent() {
        ConsumptionModel m = new ConsumptionModel(36);
        List<Household> flats = apartments(m, 8);
        Building b = m.building(HOUSE, flats);
        Instant t = LocalDateTime.of(2026, 1, 20, 6, 30).atZone(MSK).toInstant();
        long flow = flats.stream().mapToLong(h -> h.heat(t).flowLitresPerHour()).sum();
        HeatState s = b.heat(t);
        assertThat(s.flowLitresPerHour()).isEqualTo(flow * b.lossPerMille(Channel.HEAT_VOLUME, YearMonth.of(2026, 1)) / 1000);
        assertThat(s.powerWatts()).isEqualTo(HeatState.power(s.flowLitresPerHour(), s.deltaDeciKelvin()));
        assertThat(s.deltaDeciKelvin()).isBetween(
                flats.stream().mapToInt(h -> h.heat(t).deltaDeciKelvin()).min().orElseThrow(),
                flats.stream().mapToInt(h -> h.heat(t).deltaDeciKelvin()).max().orElseThrow());
    }
}
