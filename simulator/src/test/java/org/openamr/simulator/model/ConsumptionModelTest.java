package org.openamr.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumptionModelTest {

    private static final ZoneId MSK = ConsumptionModel.MOSCOW;
    private static final List<String> IDS = List.of("12345678D3103004", "87654321D3102F04", "11111111935A0116",
            "22222222935A0106", "33333333D3100107");

    private static Instant msk(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(MSK).toInstant();
    }

    @Test
    void sameSeedAgreesExactlyAndAnotherSeedDoesNot() {
        ConsumptionModel a = new ConsumptionModel(42);
        ConsumptionModel b = new ConsumptionModel(42);
        ConsumptionModel c = new ConsumptionModel(43);
        int differ = 0;
        // b is asked in the opposite order: caches must not change results.
        for (int i = 0; i < 40; i++) {
            Instant t = msk(2023, 1, 1, 0, 0).plus(Duration.ofHours(997L * i + 13));
            Instant u = msk(2023, 1, 1, 0, 0).plus(Duration.ofHours(997L * (39 - i) + 13));
            for (String id : IDS) {
                for (Channel ch : Channel.values()) {
                    assertThat(a.household(id).cumulative(ch, t)).isEqualTo(b.household(id).cumulative(ch, t));
                    assertThat(b.household(id).cumulative(ch, u)).isEqualTo(a.household(id).cumulative(ch, u));
                    if (a.household(id).cumulative(ch, t) != c.household(id).cumulative(ch, t)) {
                        differ++;
                    }
                }
                assertThat(a.household(id).heat(t)).isEqualTo(b.household(id).heat(t));
            }
        }
        assertThat(differ).isGreaterThan(100);
    }

    @Test
    void registersNeverDecrease() {
        ConsumptionModel m = new ConsumptionModel(7);
        DeterministicRandom r = new DeterministicRandom(1);
        for (String id : IDS) {
            Household h = m.household(id);
            Instant t = msk(2022, 12, 31, 23, 0);
            long[] last = new long[Channel.values().length];
            for (int i = 0; i < 3000; i++) {
                // Steps from one second to four days, many of them across midnight.
                t = t.plusSeconds(1 + r.nextInt(i % 3 == 0 ? 30 : 4 * 86_400));
                for (Channel ch : Channel.values()) {
                    long v = h.cumulative(ch, t);
                    assertThat(v).as("%s %s at %s", id, ch, t).isGreaterThanOrEqualTo(last[ch.ordinal()]);
                    last[ch.ordinal()] = v;
                }
            }
            assertThat(last[Channel.HEAT_ENERGY.ordinal()]).isPositive();
            assertThat(last[Channel.COLD_WATER.ordinal()]).isPositive();
        }
    }

    @Test
    void cumulativeIsTheExactSumOfDayTotals() {
        Household h = new ConsumptionModel(9).household(IDS.get(0));
        LocalDate day = LocalDate.of(2024, 2, 28);
        for (int i = 0; i < 5; i++, day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(MSK).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(MSK).toInstant();
            for (Channel ch : Channel.values()) {
                assertThat(h.cumulative(ch, end) - h.cumulative(ch, start)).isEqualTo(h.dayTotal(ch, day));
            }
        }
    }

    @Test
    void registersHaveMeterResolutionAndAreTheCountCutDown() {
        Household h = new ConsumptionModel(3).household(IDS.get(1));
        Instant t = msk(2025, 11, 5, 14, 37);
        Registers r = h.registers(t);
        assertThat(r.heatEnergyKwh().scale()).isZero();
        assertThat(r.heatVolumeM3().scale()).isEqualTo(3);
        assertThat(r.coldWaterM3().scale()).isEqualTo(3);
        assertThat(r.heatEnergyKwh()).isEqualTo(BigDecimal.valueOf(h.cumulative(Channel.HEAT_ENERGY, t) / 1000));
        assertThat(r.hotWaterM3()).isEqualTo(BigDecimal.valueOf(h.cumulative(Channel.HOT_WATER, t) / 1000, 3));
        assertThat(r.nightHeatEnergyKwh()).isLessThan(r.heatEnergyKwh()).isPositive();
    }

    @Test
    void heatIsHighInWinterAndNearZeroInSummer() {
        ConsumptionModel m = new ConsumptionModel(11);
        for (String id : IDS) {
            Household h = m.household(id);
            long january = monthTotal(h, Channel.HEAT_ENERGY, YearMonth.of(2025, 1));
            long july = monthTotal(h, Channel.HEAT_ENERGY, YearMonth.of(2025, 7));
            long october = monthTotal(h, Channel.HEAT_ENERGY, YearMonth.of(2025, 10));
            assertThat(january).isGreaterThan(500_000); // > 500 kWh in a Moscow January
            assertThat(july * 50).isLessThan(january);
            assertThat(october).isGreaterThan(20 * july);
        }
    }

    @Test
    void hotWaterStaysBelowColdWater() {
        ConsumptionModel m = new ConsumptionModel(12);
        for (String id : IDS) {
            Household h = m.household(id);
            for (int month = 1; month <= 12; month++) {
                YearMonth ym = YearMonth.of(2024, month);
                long cold = monthTotal(h, Channel.COLD_WATER, ym);
                long hot = monthTotal(h, Channel.HOT_WATER, ym);
                assertThat(hot).as("%s %s", id, ym).isLessThan(cold).isPositive();
            }
        }
    }

    @Test
    void waterHasMorningAndEveningPeaksAndWeekendsDiffer() {
        ConsumptionModel m = new ConsumptionModel(13);
        long weekdayMorning = 0;
        long weekdayNight = 0;
        long weekdayEvening = 0;
        long weekendMorning = 0;
        for (int i = 0; i < 200; i++) {
            Household h = m.household("4000%04d".formatted(i) + "935A0116");
            // Mondays and Saturdays of March 2025.
            for (int d : new int[] {3, 10, 17, 24, 31}) {
                weekdayMorning += hour(h, LocalDate.of(2025, 3, d), 7);
                weekdayNight += hour(h, LocalDate.of(2025, 3, d), 3);
                weekdayEvening += hour(h, LocalDate.of(2025, 3, d), 20);
            }
            for (int d : new int[] {1, 8, 15, 22, 29}) {
                weekendMorning += hour(h, LocalDate.of(2025, 3, d), 7);
            }
        }
        assertThat(weekdayMorning).isGreaterThan(10 * weekdayNight);
        assertThat(weekdayEvening).isGreaterThan(10 * weekdayNight);
        assertThat(weekdayMorning).isGreaterThan(2 * weekendMorning);
    }

    /**
     * A household's water stands still 03:00–04:00 every day, also as a meter sees it that shows values up to 10
     * minutes old: what tells it from a leak, which flows in every hour. The hours around it do flow: the hour is
     * the shape's, not that of households using nothing.
     */
    @Test
    void everyDayHasAnHourWithoutWaterAndTheNightAroundItDoesNot() {
        ConsumptionModel m = new ConsumptionModel(17);
        long aroundIt = 0;
        for (int i = 0; i < 60; i++) {
            Household h = m.household("5000%04d".formatted(i) + "935A0116");
            // two weeks of March 2025, weekdays and weekends and the changes between them
            for (LocalDate day = LocalDate.of(2025, 3, 1); day.isBefore(LocalDate.of(2025, 3, 15)); day = day.plusDays(1)) {
                for (Channel water : List.of(Channel.COLD_WATER, Channel.HOT_WATER)) {
                    for (Duration lag : List.of(Duration.ZERO, Duration.ofMinutes(10))) {
                        Instant from = day.atTime(3, 0).atZone(MSK).toInstant().minus(lag);
                        assertThat(h.cumulative(water, from.plusSeconds(3600))).as("%s %s %s lag %s", h.identity(),
                                water, day, lag).isEqualTo(h.cumulative(water, from));
                    }
                }
                aroundIt += hour(h, day, 1) + hour(h, day, 4);
            }
        }
        assertThat(aroundIt).isPositive();
    }

    @Test
    void instantaneousValuesAreConsistent() {
        ConsumptionModel m = new ConsumptionModel(5);
        for (String id : IDS) {
            HeatState s = m.household(id).heat(msk(2026, 1, 20, 6, 30));
            assertThat(s.powerWatts()).isPositive();
            assertThat(s.flowLitresPerHour()).isPositive();
            assertThat(s.supplyDeciCelsius() - s.returnDeciCelsius()).isEqualTo(s.deltaDeciKelvin());
            // power = flow × ΔT × c, with c = 1.163 Wh/(l·K), cut to whole watts
            BigDecimal exact = s.flowM3PerHour().multiply(BigDecimal.valueOf(1000)).multiply(s.temperatureDifference())
                    .multiply(new BigDecimal("1.163"));
            assertThat(BigDecimal.valueOf(s.powerWatts())).isLessThanOrEqualTo(exact);
            assertThat(exact.subtract(BigDecimal.valueOf(s.powerWatts()))).isLessThan(BigDecimal.ONE);
            assertThat(s.flowTemperature()).isGreaterThan(new BigDecimal("60"));
        }
    }

    @Test
    void dueDateIsTheEndOfThePreviousMonth() {
        DueDate d = DueDate.before(msk(2026, 3, 15, 10, 0), MSK);
        assertThat(d.date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(d.instant()).isEqualTo(msk(2026, 3, 1, 0, 0));
        assertThat(DueDate.before(msk(2026, 3, 1, 0, 0), MSK).date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(DueDate.before(msk(2026, 2, 28, 23, 59), MSK).date()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    /** Readings years back (how fast: {@code ConsumptionModelBenchmark}) never run backwards. */
    @Test
    void readingsYearsBackNeverDecrease() {
        ConsumptionModel m = new ConsumptionModel(21);
        for (int i = 0; i < 50; i++) {
            Household h = m.household("5000%04d".formatted(i) + "D3103004");
            for (Channel channel : List.of(Channel.HEAT_ENERGY, Channel.COLD_WATER)) {
                long previous = 0;
                for (int month = 0; month < 48; month++) {
                    Instant t = msk(2022, 12, 17, 12, 0).plus(Duration.ofDays(30L * month));
                    long value = h.cumulative(channel, t);
                    assertThat(value).as("%s at %s", channel, t).isGreaterThanOrEqualTo(previous);
                    previous = value;
                }
                assertThat(previous).as("%s after four years", channel).isPositive();
            }
        }
    }

    @Test
    void beforeInstallationEverythingIsZero() {
        Household h = new ConsumptionModel(1).household(IDS.get(2));
        Instant before = h.installedAt().minusSeconds(1);
        for (Channel ch : Channel.values()) {
            assertThat(h.cumulative(ch, before)).isZero();
        }
        assertThat(h.installationDate()).isBetween(LocalDate.of(2016, 1, 1), LocalDate.of(2021, 12, 31));
    }

    private static long monthTotal(Household h, Channel ch, YearMonth ym) {
        return h.cumulative(ch, ym.plusMonths(1).atDay(1).atStartOfDay(MSK).toInstant())
                - h.cumulative(ch, ym.atDay(1).atStartOfDay(MSK).toInstant());
    }

    private static long hour(Household h, LocalDate day, int hour) {
        Instant from = day.atTime(hour, 0).atZone(MSK).toInstant();
        return h.cumulative(Channel.COLD_WATER, from.plusSeconds(3600)) - h.cumulative(Channel.COLD_WATER, from);
    }
}
