package org.openamr.simulator.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.link.ControlField;
import org.openamr.mbus.profile.DeviceProfiles;
import org.openamr.mbus.profile.ErrorMeaning;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.Wire;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.Consumption;
import org.openamr.simulator.model.ConsumptionModel;

class VirtualMeterTest {

    private static final Instant WINTER = LocalDateTime.of(2026, 1, 20, 10, 15, 30)
            .atZone(ConsumptionModel.MOSCOW).toInstant();
    private final ConsumptionModel model = new ConsumptionModel(2024);

    /** The telegrams as a master gets them: encoded to wire bytes and decoded again. */
    private static List<VariableDataResponse> onTheWire(VirtualMeter m, Instant at) {
        return m.telegrams(at, 17).stream()
                .map(t -> Wire.decodeResponse(TelegramCodec.encode(ControlField.RSP_UD, m.primaryAddress(), t)))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(MeterType.class)
    void telegramsDecodeToExactlyTheTruth(MeterType type) {
        VirtualMeter m = new VirtualMeter(type, "12345678", 5, model);
        List<VariableDataResponse> telegrams = onTheWire(m, WINTER);
        Reading truth = m.reading(WINTER);
        Wire.assertMatches(telegrams, truth);
        assertThat(telegrams.get(0).header().accessNumber()).isEqualTo(17);
        for (int i = 0; i < telegrams.size(); i++) {
            RecordSet data = telegrams.get(i).data();
            assertThat(data.moreRecordsFollow()).isEqualTo(i < telegrams.size() - 1);
        }
        assertThat(truth.status().ok()).isTrue();
    }

    @Test
    void danfossUltrasonicSplitsItsRecordsOverTwoTelegrams() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSAFE_10, "12345678", 5, model);
        List<VariableDataResponse> t = onTheWire(m, WINTER);
        assertThat(t).hasSize(2);
        assertThat(t.get(0).data().tail()).isEqualTo(RecordSet.Tail.MORE_RECORDS_FOLLOW);
        assertThat(t.get(1).header().accessNumber()).isEqualTo(18);
        assertThat(t.get(1).data().records()).anyMatch(r -> r.subunit() == 2 && r.storageNumber() == 1);
    }

    @Test
    void registersComeFromTheModelAtMeterResolution() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOMETER_1100, "22334455", 9, model);
        Consumption h = m.consumption();
        Reading r = m.reading(WINTER);
        assertThat(r.amount(Register.ENERGY)).isEqualTo(h.register(Channel.HEAT_ENERGY, WINTER));
        assertThat(r.amount(Register.TARIFF1_ENERGY)).isEqualTo(h.register(Channel.HEAT_ENERGY_NIGHT, WINTER));
        assertThat(r.amount(Register.VOLUME)).isEqualTo(h.register(Channel.HEAT_VOLUME, WINTER));
        assertThat(r.amount(Register.ENERGY_DUE)).isEqualTo(h.register(Channel.HEAT_ENERGY, r.dueDate().instant()));
        assertThat(r.value(Register.DUE_DATE)).isEqualTo(new Value.Date(LocalDate.of(2025, 12, 31)));
        assertThat(r.value(Register.METER_CLOCK))
                .isEqualTo(new Value.DateTime(LocalDateTime.of(2026, 1, 20, 10, 15), false));
        assertThat(r.amount(Register.ENERGY)).isGreaterThan(r.amount(Register.ENERGY_DUE));
    }

    @Test
    void pulseInputsCountWaterOfTheSameApartment() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSELECT_10, "22334456", 9, model);
        Reading a = m.reading(WINTER);
        Reading b = m.reading(WINTER.plus(Duration.ofDays(30)));
        Consumption h = m.consumption();
        BigDecimal coldUsed = b.amount(Register.VOLUME_SUBUNIT_1).subtract(a.amount(Register.VOLUME_SUBUNIT_1));
        BigDecimal modelCold = h.register(Channel.COLD_WATER, b.dataAt()).subtract(h.register(Channel.COLD_WATER,
                a.dataAt()));
        // The start offset is whole litres, so the difference over a month is the model's exactly.
        assertThat(coldUsed).isEqualTo(modelCold);
        assertThat(b.amount(Register.VOLUME_SUBUNIT_2)).isGreaterThan(a.amount(Register.VOLUME_SUBUNIT_2));
    }

    @Test
    void theModuleShowsDataOfItsLastTenMinuteCopy() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSAFE_10, "22334457", 9, model);
        Instant data = m.dataInstant(WINTER);
        assertThat(data).isBeforeOrEqualTo(WINTER).isAfter(WINTER.minus(Duration.ofMinutes(10)));
        Reading a = m.reading(data);
        Reading b = m.reading(data.plus(Duration.ofMinutes(9)));
        Reading c = m.reading(data.plus(Duration.ofMinutes(10)));
        assertThat(b.amount(Register.VOLUME)).isEqualTo(a.amount(Register.VOLUME));
        assertThat(c.amount(Register.VOLUME)).isGreaterThan(a.amount(Register.VOLUME));
        assertThat(b.value(Register.METER_CLOCK)).isNotEqualTo(a.value(Register.METER_CLOCK));
    }

    @Test
    void sensorBreakStopsEnergyButNotVolumeAndShowsInCodeAndStatus() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSAFE_10, "30000001", 3, model);
        Instant from = m.dataInstant(WINTER);
        Instant until = from.plus(Duration.ofDays(10));
        Instant later = until.plus(Duration.ofDays(10));
        Reading before = m.reading(from);
        m.setError(MeterError.T1_SENSOR_BREAK, from);

        Reading during = m.reading(until.minusSeconds(1));
        assertThat(during.amount(Register.ENERGY)).isEqualTo(before.amount(Register.ENERGY));
        assertThat(during.amount(Register.VOLUME)).isGreaterThan(before.amount(Register.VOLUME));
        assertThat(during.amount(Register.POWER)).isZero();
        assertThat(during.value(Register.FLOW_TEMPERATURE)).isInstanceOf(Value.Unavailable.class);
        assertThat(during.value(Register.TEMPERATURE_DIFFERENCE)).isInstanceOf(Value.Unavailable.class);
        assertThat(during.value(Register.RETURN_TEMPERATURE)).isInstanceOf(Value.Numeric.class);
        assertThat(during.amount(Register.ERROR_CODE)).isEqualTo(new BigDecimal(0x0080));
        assertThat(during.status().permanentError()).isTrue();
        assertThat(during.value(Register.ERROR_SINCE))
                .isEqualTo(new Value.DateTime(LocalDateTime.ofInstant(from, ConsumptionModel.MOSCOW)
                        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES), false));
        // The wire carries the same, and the device profile reads the code back as T1 disconnected.
        List<VariableDataResponse> wire = onTheWire(m, until.minusSeconds(1));
        Wire.assertMatches(wire, m.reading(until.minusSeconds(1)));
        List<ErrorMeaning> meanings = DeviceProfiles.builtIn().find("DFS", MeterType.SONOSAFE_10.version())
                .orElseThrow().errorsOf(0x0080);
        assertThat(meanings).extracting(ErrorMeaning::code).containsExactly("T1_DISCONNECTED");
        assertThat(meanings.get(0).stopsIntegration()).isTrue();

        m.clearError(MeterError.T1_SENSOR_BREAK, until);
        Reading after = m.reading(later);
        Consumption h = m.consumption();
        long lostWh = h.cumulative(Channel.HEAT_ENERGY, until) - h.cumulative(Channel.HEAT_ENERGY, from);
        assertThat(lostWh).isGreaterThan(100_000);
        assertThat(after.amount(Register.ENERGY))
                .isEqualTo(Channel.HEAT_ENERGY.register(h.cumulative(Channel.HEAT_ENERGY, later) - lostWh));
        assertThat(after.status().ok()).isTrue();
        assertThat(after.has(Register.ERROR_SINCE)).isFalse();
        // Readings before the error are untouched by it.
        assertThat(m.reading(from).amount(Register.ENERGY)).isEqualTo(before.amount(Register.ENERGY));
    }

    @Test
    void airInTheFlowZeroesFlowAndPowerAndStopsTheVolume() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSAFE_10, "30000002", 3, model);
        Instant from = m.dataInstant(WINTER);
        Reading before = m.reading(from);
        m.setError(MeterError.AIR_IN_FLOW, from);
        Reading during = m.reading(from.plus(Duration.ofHours(30)));
        assertThat(during.amount(Register.VOLUME_FLOW)).isZero();
        assertThat(during.amount(Register.POWER)).isZero();
        assertThat(during.amount(Register.VOLUME)).isEqualTo(before.amount(Register.VOLUME));
        assertThat(during.amount(Register.ENERGY)).isEqualTo(before.amount(Register.ENERGY));
        assertThat(during.amount(Register.ERROR_CODE)).isEqualTo(BigDecimal.ONE);
        assertThat(during.status().temporaryError()).isTrue();
        assertThat(during.status().permanentError()).isFalse();
        // The pulse inputs belong to other meters and go on counting.
        assertThat(during.amount(Register.VOLUME_SUBUNIT_1)).isGreaterThan(before.amount(Register.VOLUME_SUBUNIT_1));
    }

    @Test
    void reverseFlowShowsNegativeFlow() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOSELECT_10, "30000003", 3, model);
        Instant t = m.dataInstant(WINTER);
        BigDecimal flow = m.reading(t).amount(Register.VOLUME_FLOW);
        m.setError(MeterError.REVERSE_FLOW, t);
        Reading r = m.reading(t);
        assertThat(flow).isPositive();
        assertThat(r.amount(Register.VOLUME_FLOW)).isEqualTo(flow.negate());
        assertThat(r.amount(Register.ERROR_CODE)).isEqualTo(BigDecimal.valueOf(2));
    }

    @Test
    void lowBatteryRaisesPowerLowAndKeepsCounting() {
        VirtualMeter m = new VirtualMeter(MeterType.COLD_WATER, "30000004", 3, model);
        Reading before = m.reading(WINTER);
        m.setError(MeterError.LOW_BATTERY, WINTER);
        Reading r = m.reading(WINTER.plus(Duration.ofDays(2)));
        assertThat(r.status().value()).isEqualTo(0x04);
        assertThat(r.amount(Register.VOLUME)).isGreaterThan(before.amount(Register.VOLUME));
        Wire.assertMatches(onTheWire(m, WINTER.plus(Duration.ofDays(2))), r);
    }

    @Test
    void sonometerCountsErrorHours() {
        VirtualMeter m = new VirtualMeter(MeterType.SONOMETER_1100, "30000005", 3, model);
        m.setError(MeterError.T2_SENSOR_BREAK, WINTER);
        m.clearError(MeterError.T2_SENSOR_BREAK, WINTER.plus(Duration.ofHours(30)));
        m.setError(MeterError.LOW_BATTERY, WINTER); // does not stop integration: not error time
        Reading r = m.reading(WINTER.plus(Duration.ofDays(3)));
        assertThat(r.amount(Register.ERROR_TIME)).isEqualTo(BigDecimal.valueOf(30 * 3600));
        Wire.assertMatches(onTheWire(m, WINTER.plus(Duration.ofDays(3))), r);
    }

    @Test
    void aMeterRejectsErrorsItCannotDetect() {
        VirtualMeter m = new VirtualMeter(MeterType.HOT_WATER, "30000006", 3, model);
        assertThatThrownBy(() -> m.setError(MeterError.T1_SENSOR_BREAK, WINTER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot show");
    }

    @Test
    void headersCarryTheKindsIdentity() {
        assertThat(new VirtualMeter(MeterType.SONOMETER_1100, "41494068", 1, model).secondaryAddress().toString())
                .isEqualTo("41494068D3102F04");
        assertThat(new VirtualMeter(MeterType.COLD_WATER, "41494069", 1, model).secondaryAddress().medium())
                .isEqualTo(0x16);
        assertThat(new VirtualMeter(MeterType.HOT_WATER, "41494069", 1, model).secondaryAddress().medium())
                .isEqualTo(0x06);
        assertThat(new VirtualMeter(MeterType.ENCO_PULSE, "41494069", 1, model).secondaryAddress().medium())
                .isEqualTo(0x07);
        assertThatThrownBy(() -> new VirtualMeter(MeterType.COLD_WATER, "4149406F", 1, model))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VirtualMeter(MeterType.COLD_WATER, "41494068", 251, model))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
