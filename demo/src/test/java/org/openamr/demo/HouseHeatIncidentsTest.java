package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;

/**
 * The house heat meter's monthly episode of no flow, as its heat sheet will read it from the registers the
 * backfill stores: hours in error grow by the episode's hours on its day only, operating hours go on, and nothing
 * is integrated meanwhile.
 */
class HouseHeatIncidentsTest {

    private static final Instant NOW = LocalDateTime.of(2026, 2, 17, 9, 47, 31).atZone(DemoBuilding.ZONE).toInstant();
    private static final DemoProperties SMALL = new DemoProperties(true, 2024, 1, 3, 2, 1, 0, Duration.ofSeconds(120));

    private static VirtualMeter houseHeat(Instant now) {
        DemoBuilding building = new DemoBuilding(SMALL);
        return building.bus(Clock.fixed(now, ZoneOffset.UTC)).meters().stream()
                .filter(m -> m.id().equals(building.houseHeat().meterId())).findFirst().orElseThrow();
    }

    private static BigDecimal hours(VirtualMeter meter, Register register, Instant at) {
        return meter.reading(at).amount(register).divide(BigDecimal.valueOf(3600));
    }

    @Test
    void lastMonthsEpisodeIsHoursInErrorOnItsDayAndNothingIntegrated() {
        VirtualMeter meter = houseHeat(NOW);
        YearMonth month = YearMonth.of(2026, 1);
        HouseHeatIncidents.Incident incident = HouseHeatIncidents.of(SMALL.seed(), month, DemoBuilding.ZONE);
        assertThat(HouseHeatIncidents.of(SMALL.seed(), month, DemoBuilding.ZONE)).isEqualTo(incident);
        LocalDate day = incident.from().atZone(DemoBuilding.ZONE).toLocalDate();
        assertThat(YearMonth.from(day)).isEqualTo(month);
        assertThat(day.getDayOfMonth()).isBetween(5, 24);
        assertThat(incident.hours()).isBetween(3L, 5L);
        assertThat(incident.from().atZone(DemoBuilding.ZONE).toLocalTime().getMinute()).isZero();

        int daysWithErrors = 0;
        for (LocalDate d = month.atDay(1); d.isBefore(month.plusMonths(1).atDay(1)); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(DemoBuilding.ZONE).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(DemoBuilding.ZONE).toInstant();
            BigDecimal inError = hours(meter, Register.ERROR_TIME, end).subtract(hours(meter, Register.ERROR_TIME, start));
            assertThat(hours(meter, Register.OPERATING_TIME, end).subtract(hours(meter, Register.OPERATING_TIME, start)))
                    .as("operating hours on %s", d).isEqualByComparingTo("24");
            if (d.equals(day)) {
                assertThat(inError).as("hours in error on %s", d).isEqualByComparingTo(BigDecimal.valueOf(incident.hours()));
                daysWithErrors++;
            } else {
                assertThat(inError).as("hours in error on %s", d).isZero();
            }
        }
        assertThat(daysWithErrors).isEqualTo(1);

        Instant during = incident.from().plus(Duration.ofMinutes(30));
        assertThat(meter.activeErrors(during)).containsExactly(MeterError.AIR_IN_FLOW);
        assertThat(meter.activeErrors(incident.to())).isEmpty();
        assertThat(meter.reading(during).amount(Register.VOLUME_FLOW)).isZero();
        assertThat(meter.reading(during).status().value()).isNotZero();
        for (Register r : new Register[] {Register.ENERGY, Register.VOLUME}) {
            assertThat(meter.reading(incident.to()).amount(r)).as("%s does not count without flow", r)
                    .isEqualTo(meter.reading(incident.from()).amount(r));
            assertThat(meter.reading(incident.to().plus(Duration.ofHours(3))).amount(r))
                    .as("%s counts again after it, in January", r).isGreaterThan(meter.reading(incident.to()).amount(r));
        }
    }

    @Test
    void aDemoStartedMonthsLaterShowsTheSameHistory() {
        VirtualMeter first = houseHeat(NOW);
        VirtualMeter later = houseHeat(NOW.plus(Duration.ofDays(120)));
        Instant endOfJanuary = YearMonth.of(2026, 2).atDay(1).atStartOfDay(DemoBuilding.ZONE).toInstant();
        for (Register r : new Register[] {Register.ENERGY, Register.VOLUME, Register.ERROR_TIME}) {
            assertThat(later.reading(endOfJanuary).amount(r)).as("%s", r)
                    .isEqualTo(first.reading(endOfJanuary).amount(r));
        }
        // every month has its episode, the current one too
        YearMonth march = YearMonth.of(2026, 3);
        HouseHeatIncidents.Incident incident = HouseHeatIncidents.of(SMALL.seed(), march, DemoBuilding.ZONE);
        assertThat(later.activeErrors(incident.from())).containsExactly(MeterError.AIR_IN_FLOW);
        java.util.Set<Integer> days = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            days.add(HouseHeatIncidents.of(SMALL.seed(), march.minusMonths(i), DemoBuilding.ZONE).from()
                    .atZone(DemoBuilding.ZONE).getDayOfMonth());
        }
        assertThat(days).as("not the same day every month").hasSizeGreaterThan(3);
    }
}
