package org.openamr.acquisition.readout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import org.openamr.modbus.value.ModbusValue;

class ModbusReadoutsTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    private static ModbusValue value(String name, Quantity q, Unit u, long storage, int tariff, int subunit, String v) {
        return new ModbusValue(name, q, u, storage, tariff, subunit, new BigDecimal(v));
    }

    @Test
    void valuesGetTheRegisterKeysOfTheSameMbusRecords() {
        List<ModbusValue> values = List.of(
                value("heatEnergy", Quantity.ENERGY, Unit.KWH, 0, 0, 0, "12345.6"),
                value("tariffEnergy2", Quantity.ENERGY, Unit.KWH, 0, 2, 0, "1500.25"),
                value("pulseInput1Volume", Quantity.VOLUME, Unit.M3, 0, 0, 1, "321.123"),
                value("heatEnergyInteger", Quantity.ENERGY, Unit.KWH, 0, 0, 0, "12345"),
                value("heatEnergyDue", Quantity.ENERGY, Unit.KWH, 1, 0, 0, "12000"));
        ModbusReadouts.Result r = ModbusReadouts.builtIn().toReadout(MeterIdentity.ofSerial("68001234"), AT, values);
        assertThat(r.readout().meter().serial()).isEqualTo("68001234");
        assertThat(r.readout().readAt()).isEqualTo(AT);
        assertThat(r.readout().values()).containsExactly(
                new RegisterValue(RegisterKey.current(Quantity.ENERGY, Unit.KWH), AT, new BigDecimal("12345.6")),
                new RegisterValue(new RegisterKey(Quantity.ENERGY, Unit.KWH, 0, 2, 0, Function.INSTANTANEOUS), AT,
                        new BigDecimal("1500.25")),
                new RegisterValue(new RegisterKey(Quantity.VOLUME, Unit.M3, 0, 0, 1, Function.INSTANTANEOUS, ""), AT,
                        new BigDecimal("321.123")));
        assertThat(r.readout().values().get(0).key().cumulative()).isTrue();
        assertThat(r.undated()).extracting(ModbusValue::name).containsExactly("heatEnergyDue");
        assertThat(r.readout().conditions()).isEmpty();
    }

    @Test
    void anErrorCodeBecomesTheConditionsOfTheMetersProfile() {
        ModbusValue code = value("errorCode", Quantity.ERROR_FLAGS, Unit.NONE, 0, 0, 0, "0");
        MeterIdentity unknown = MeterIdentity.ofSerial("1");
        assertThat(ModbusReadouts.builtIn().toReadout(unknown, AT, List.of(code)).readout().conditions()).isEmpty();
        ModbusValue error = value("errorCode", Quantity.ERROR_FLAGS, Unit.NONE, 0, 0, 0, "8");
        assertThat(ModbusReadouts.builtIn().toReadout(unknown, AT, List.of(error)).readout().conditions())
                .containsExactly(new MeterCondition("ERROR_0008", "Error code 0008", "Код ошибки 0008", false));
        MeterIdentity sonometer = new MeterIdentity("68001234", Optional.of("DFS"), Optional.of(0x20), Optional.of(4));
        assertThat(ModbusReadouts.builtIn().toReadout(sonometer, AT, List.of(error)).readout().conditions())
                .containsExactly(new MeterCondition("FLOW_SENSOR_FAILURE", "Flow sensor hardware failure", "Отказ датчика расхода",
                        true));
        assertThatThrownBy(() -> ModbusReadouts.builtIn().toReadout(unknown, AT,
                List.of(value("errorCode", Quantity.ERROR_FLAGS, Unit.NONE, 0, 0, 0, "1.5"))))
                .hasMessageContaining("errorCode: error code 1.5 is not a whole number");
    }
}
