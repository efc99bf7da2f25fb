package org.openamr.acquisition.readout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.master.Readout;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

class TelegramReadoutsTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final Instant READ_AT = Instant.parse("2026-10-14T09:30:00Z");

    final ConsumptionModel model = new ConsumptionModel(42, MOSCOW);

    @ParameterizedTest
    @EnumSource(MeterType.class)
    void everyNumericRecordBecomesARegisterValueEqualToTheMetersTruth(MeterType type) {
        VirtualMeter meter = new VirtualMeter(type, "12345678", 1, model);
        List<VariableDataResponse> telegrams = meter.telegrams(READ_AT, 1);
        Reading truth = meter.reading(READ_AT);
        MeterReadout readout = TelegramReadouts.builtIn()
                .toReadout(new Readout("1", telegrams, READ_AT, Duration.ZERO, 1), MOSCOW);

        assertThat(readout.meter().serial()).isEqualTo("12345678");
        assertThat(readout.meter().manufacturer()).contains(type.manufacturer());
        Map<RegisterKey, RegisterValue> byKey = readout.values().stream()
                .collect(Collectors.toMap(RegisterValue::key, Function.identity()));
        int checked = 0;
        for (VariableDataResponse t : telegrams) {
            for (DataRecord r : t.data().records()) {
                if (!(r.value() instanceof Value.Numeric) || r.quantity() == Quantity.ERROR_FLAGS) {
                    continue;
                }
                Register register = Register.of(r).orElseThrow();
                RegisterValue v = byKey.get(RegisterKey.of(r));
                assertThat(v).as(type + " " + register).isNotNull();
                assertThat(v.value()).as(type + " " + register).isEqualByComparingTo(truth.amount(register));
                assertThat(v.value()).isEqualTo(truth.amount(register));
                assertThat(v.measuredAt()).as(type + " " + register)
                        .isEqualTo(r.storageNumber() == 0 ? READ_AT : truth.dueDate().instant());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(readout.values().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void hoursInErrorAreNotOperatingHours() {
        VirtualMeter meter = new VirtualMeter(MeterType.SONOMETER_1100, "22345678", 1, model);
        List<VariableDataResponse> telegrams = meter.telegrams(READ_AT, 1);
        MeterReadout readout = TelegramReadouts.builtIn()
                .toReadout(new Readout("1", telegrams, READ_AT, Duration.ZERO, 1), MOSCOW);
        List<RegisterKey> hours = readout.values().stream().map(RegisterValue::key)
                .filter(k -> k.quantity() == Quantity.OPERATING_TIME).toList();
        assertThat(hours).as("hours in error and operating hours, two registers")
                .extracting(RegisterKey::qualifier).containsExactlyInAnyOrder("E18", "");
        assertThat(hours).noneMatch(RegisterKey::cumulative);
    }

    @Test
    void errorsOfTheMeterBecomeConditionsWithTheProfilesMeaning() {
        VirtualMeter meter = new VirtualMeter(MeterType.SONOSAFE_10, "32345678", 1, model);
        MeterError error = MeterError.values()[0];
        meter.setError(error, READ_AT.minus(Duration.ofDays(3)));
        MeterReadout readout = TelegramReadouts.builtIn()
                .toReadout(new Readout("1", meter.telegrams(READ_AT, 1), READ_AT, Duration.ZERO, 1), MOSCOW);
        assertThat(readout.conditions()).isNotEmpty();
        assertThat(readout.conditions()).allSatisfy(c -> {
            assertThat(c.labelEn()).isNotBlank();
            assertThat(c.labelRu()).isNotBlank();
        });
        MeterReadout healthy = TelegramReadouts.builtIn().toReadout(new Readout("1",
                new VirtualMeter(MeterType.SONOSAFE_10, "42345678", 1, model).telegrams(READ_AT, 1), READ_AT,
                Duration.ZERO, 1), MOSCOW);
        assertThat(healthy.conditions()).isEmpty();
    }

    @Test
    void aDueDateOnTheMonthsLastDayMeansTheNextMidnight() {
        assertThat(TelegramReadouts.dueMoment(LocalDate.of(2026, 3, 31), MOSCOW))
                .isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
        assertThat(TelegramReadouts.dueMoment(LocalDate.of(2026, 4, 1), MOSCOW))
                .isEqualTo(Instant.parse("2026-03-31T21:00:00Z"));
    }
}
