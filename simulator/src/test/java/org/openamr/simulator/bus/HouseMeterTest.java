package org.openamr.simulator.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.simulator.Wire;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Building;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.ConsumptionModel;

class HouseMeterTest {

    private static final Instant NOW = LocalDateTime.of(2026, 2, 3, 8, 40).atZone(ConsumptionModel.MOSCOW).toInstant();
    private static final Instant DEC_1 = LocalDateTime.of(2025, 12, 1, 0, 0).atZone(ConsumptionModel.MOSCOW).toInstant();
    private static final Instant JAN_1 = LocalDateTime.of(2026, 1, 1, 0, 0).atZone(ConsumptionModel.MOSCOW).toInstant();

    private static VirtualBus building(int flats) {
        VirtualBus.Builder b = VirtualBus.builder().seed(8).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= flats; i++) {
            String id = "6841%04d".formatted(i);
            ids.add(id);
            b.meter(MeterType.SONOSAFE_10, id, i);
        }
        return b.houseMeter(MeterType.SONOMETER_1100, "71230001", flats + 1, ids)
                .houseMeter(MeterType.COLD_WATER, "45120001", flats + 2, ids)
                .build();
    }

    private static BigDecimal used(VirtualMeter m, Register r) {
        return m.reading(JAN_1).amount(r).subtract(m.reading(DEC_1).amount(r));
    }

    @Test
    void houseMetersAnswerOnTheWireWithTheirTruth() {
        VirtualBus bus = building(4);
        for (MeterInfo m : bus.truth().meters()) {
            Wire.assertMatches(Wire.readAll(bus, m.primaryAddress()), bus.truth().reading(m.secondaryAddress()));
        }
        assertThat(bus.truth().meters()).hasSize(6);
        assertThat(bus.meters().get(4).consumption()).isInstanceOf(Building.class);
    }

    @Test
    void aMonthOfTheHouseMetersIsTheApartmentsPlusLosses() {
        VirtualBus bus = building(10);
        List<VirtualMeter> flats = bus.meters().subList(0, 10);
        VirtualMeter heat = bus.meters().get(10);
        VirtualMeter water = bus.meters().get(11);
        BigDecimal flatsHeat = BigDecimal.ZERO;
        BigDecimal flatsCold = BigDecimal.ZERO;
        for (VirtualMeter f : flats) {
            // SonoSafe's module copies its data every 10 minutes: compare at the copies' moments
            flatsHeat = flatsHeat.add(f.consumption().register(Channel.HEAT_ENERGY, JAN_1)
                    .subtract(f.consumption().register(Channel.HEAT_ENERGY, DEC_1)));
            flatsCold = flatsCold.add(used(f, Register.VOLUME_SUBUNIT_1));
        }
        BigDecimal heatRatio = used(heat, Register.ENERGY).divide(flatsHeat, MathContext.DECIMAL64);
        BigDecimal waterRatio = used(water, Register.VOLUME).divide(flatsCold, MathContext.DECIMAL64);
        // whole kWh and litres cut at both ends: a few units of slack on sums of thousands
        assertThat(heatRatio).isBetween(new BigDecimal("1.048"), new BigDecimal("1.102"));
        assertThat(waterRatio).isBetween(new BigDecimal("1.018"), new BigDecimal("1.042"));
        assertThat(used(heat, Register.ENERGY)).isGreaterThan(new BigDecimal("5000")); // a December of 10 flats
    }

    @Test
    void aHouseMetersBcdVolumeRollsOverLikeCounterWheels() {
        VirtualBus bus = building(60);
        VirtualMeter heat = bus.meters().get(60);
        long litres = heat.consumption().cumulative(Channel.HEAT_VOLUME, NOW) / 1000;
        // eight BCD digits of litres hold 99 999.999 m³; a building's heat carrier passes that in a few years
        assertThat(litres).isGreaterThan(100_000_000L);
        Reading r = heat.reading(NOW);
        assertThat(r.amount(Register.VOLUME)).isEqualTo(BigDecimal.valueOf(litres % 100_000_000L, 3));
        assertThat(r.amount(Register.ENERGY)).isEqualTo(heat.consumption().register(Channel.HEAT_ENERGY, NOW));
        Wire.assertMatches(Wire.readAll(bus, heat.primaryAddress()), bus.truth().reading(heat.secondaryAddress()));
    }

    @Test
    void aHouseMeterNamesApartmentMetersOfTheBus() {
        assertThatThrownBy(() -> VirtualBus.builder().meter(MeterType.SONOSAFE_10, "11111111", 1)
                .houseMeter(MeterType.COLD_WATER, "22222222", 2, List.of("33333333")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33333333");
        assertThatThrownBy(() -> VirtualBus.builder().houseMeter(MeterType.COLD_WATER, "22222222", 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
