package org.openamr.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.value.ModbusValue;
import org.openamr.modbus.value.NotANumberException;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.Register;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

class ModbusMeterTest {

    /** A winter morning, so that heat flows and every register has counted for years. */
    static final Instant AT = Instant.parse("2026-01-15T06:00:00Z");

    private final ConsumptionModel model = new ConsumptionModel(7);
    private final VirtualMeter meter = new VirtualMeter(MeterType.SONOSAFE_10, "68410001", 1, model);

    @Test
    void theBuiltInMapServesTheSameReadingTheMbusSideSends() throws Exception {
        ModbusMeter unit = new ModbusMeter(meter, VirtualModbusBus.defaultMap());
        ModuleSnapshot s = unit.snapshot(AT);
        Reading reading = meter.reading(AT);
        UnitTruth truth = new UnitTruth(1, meter.id(), meter.type(), s.readAt(), s.dataAt(), s.values());

        assertThat(s.dataAt()).isEqualTo(reading.dataAt());
        // Integer kWh below 2^24 survive float32 exactly; the rest is the nearest float, within its step.
        assertThat(truth.value("heatEnergy").orElseThrow()).isEqualByComparingTo(reading.amount(Register.ENERGY));
        assertThat(reading.amount(Register.ENERGY).signum()).as("a heat meter in use has counted").isPositive();
        assertNearFloat(truth.value("volume").orElseThrow(), reading.amount(Register.VOLUME));
        assertNearFloat(truth.value("power").orElseThrow(), reading.amount(Register.POWER));
        assertNearFloat(truth.value("volumeFlow").orElseThrow(), reading.amount(Register.VOLUME_FLOW));
        assertNearFloat(truth.value("flowTemperature").orElseThrow(), reading.amount(Register.FLOW_TEMPERATURE));
        assertNearFloat(truth.value("returnTemperature").orElseThrow(), reading.amount(Register.RETURN_TEMPERATURE));
        assertNearFloat(truth.value("temperatureDifference").orElseThrow(),
                reading.amount(Register.TEMPERATURE_DIFFERENCE));
        assertNearFloat(truth.value("pulseInput1Volume").orElseThrow(), reading.amount(Register.VOLUME_SUBUNIT_1));
        assertNearFloat(truth.value("pulseInput2Volume").orElseThrow(), reading.amount(Register.VOLUME_SUBUNIT_2));
        assertThat(truth.value("errorCode")).contains(BigDecimal.ZERO);
        assertThat(truth.served("volume").source()).contains(Register.VOLUME);
        // A SonoSafe 10 counts no tariff registers: they read 0, with no source behind them.
        for (String tariff : List.of("tariffEnergy1", "tariffVolume1", "tariffEnergy2", "tariffVolume2")) {
            assertThat(truth.value(tariff).orElseThrow()).as(tariff).isEqualByComparingTo("0");
            assertThat(truth.served(tariff).source()).as(tariff).isEmpty();
        }
        // The words decode to exactly the truth: the truth is what a reader gets.
        assertThat(RegisterDecoder.decodeAll(unit.map(), blocks(s.image(), FunctionCode.READ_HOLDING_REGISTERS)))
                .isEqualTo(truth.decodable()).hasSize(unit.map().values().size());
    }

    @Test
    void aBrokenSensorsFloatIsNotANumberAndItsErrorCodeShows() throws Exception {
        ModbusMeter unit = new ModbusMeter(meter, VirtualModbusBus.defaultMap());
        meter.setError(MeterError.T1_SENSOR_BREAK, meter.dataInstant(AT).minusSeconds(1));
        ModuleSnapshot s = unit.snapshot(AT);
        UnitTruth truth = new UnitTruth(1, meter.id(), meter.type(), s.readAt(), s.dataAt(), s.values());
        assertThat(truth.value("flowTemperature")).isEmpty();
        assertThat(truth.value("temperatureDifference")).isEmpty();
        assertThat(truth.value("returnTemperature")).isPresent();
        assertThat(truth.value("errorCode").orElseThrow())
                .isEqualTo(meter.reading(AT).amount(Register.ERROR_CODE)).isPositive();
        assertThat(truth.decodable()).extracting(ModbusValue::name).doesNotContain("flowTemperature");
        assertThat(s.image().read(FunctionCode.READ_HOLDING_REGISTERS, 46, 2)).containsExactly(0x7FC0, 0x0000);
        assertThatThrownBy(() -> RegisterDecoder.decodeAll(unit.map(), blocks(s.image(),
                FunctionCode.READ_HOLDING_REGISTERS))).isInstanceOf(NotANumberException.class);
    }

    static final RegisterMap INTEGERS = RegisterMapParser.parse("integers.map", """
            map    | integers
            models | test meter
            value | energyKj    | 04 | 0  | uint32 | little | 0     | energy        | kJ   | current
            value | energyGcal  | 04 | 2  | uint32 | big    | -6    | energy        | Gcal | current
            value | volume      | 04 | 4  | int32  | big    | @20-3 | volume        | m3   | current
            value | flow        | 04 | 6  | int16  | -      | @21   | volumeFlow    | m3/h | current
            value | energyBcd   | 04 | 8  | bcd16  | -      | 0     | energy        | kWh  | current
            value | hours       | 04 | 9  | uint16 | -      | 0     | operatingTime | h    | current
            value | energyDue   | 04 | 10 | uint32 | big    | 0     | energy        | kWh  | dueDate
            value | energy16    | 04 | 12 | int16  | -      | @22   | energy        | kWh  | current
            value | leak        | 02 | 0  | bit    | -      | 0     | digitalInput  | -    | current
            """);

    @Test
    void integerTypesCarryTheReadingInTheMapsUnitCutToTheirResolution() throws Exception {
        ModbusMeter unit = new ModbusMeter(meter, INTEGERS);
        ModuleSnapshot s = unit.snapshot(AT);
        Reading r = meter.reading(AT);
        UnitTruth truth = new UnitTruth(1, meter.id(), meter.type(), s.readAt(), s.dataAt(), s.values());
        BigDecimal kwh = r.amount(Register.ENERGY);

        assertThat(truth.value("energyKj")).contains(kwh.multiply(BigDecimal.valueOf(3600)));
        // 1 Gcal = 1163 kWh; six decimals kept, cut towards zero like a counter's display.
        assertThat(truth.value("energyGcal").orElseThrow())
                .isEqualTo(kwh.divide(BigDecimal.valueOf(1163), 6, RoundingMode.DOWN));
        // An exponent register holds the finest exponent its value needs (litres: 10^-3 m3, so 0 with
        // the offset -3), or, where the value would not fit its type so, the finest at which it fits.
        assertThat(s.image().read(FunctionCode.READ_INPUT_REGISTERS, 20, 3)).containsExactly(0, 0xFFFD, 1);
        assertThat(truth.value("volume").orElseThrow()).isEqualTo(r.amount(Register.VOLUME));
        assertThat(truth.value("flow").orElseThrow()).isEqualTo(r.amount(Register.VOLUME_FLOW));
        assertThat(kwh).isGreaterThan(BigDecimal.valueOf(Short.MAX_VALUE)).isLessThan(BigDecimal.valueOf(327_670));
        // 10^1 kWh steps: the decoder's 10725 × 10^1, which is 107250.
        assertThat(truth.value("energy16").orElseThrow()).isEqualByComparingTo(kwh.movePointLeft(1)
                .setScale(0, RoundingMode.DOWN).movePointRight(1));
        // Four BCD digits hold kWh modulo 10 000, as a counter wheel.
        assertThat(truth.value("energyBcd").orElseThrow()).isEqualTo(new BigDecimal(kwh.toBigIntegerExact()
                .mod(java.math.BigInteger.valueOf(10_000))));
        assertThat(truth.value("hours").orElseThrow())
                .isEqualTo(r.amount(Register.OPERATING_TIME).divide(BigDecimal.valueOf(3600)).setScale(0));
        assertThat(truth.value("energyDue")).contains(r.amount(Register.ENERGY_DUE));
        assertThat(truth.value("leak")).contains(BigDecimal.ZERO);

        List<RegisterBlock> blocks = new ArrayList<>(blocks(s.image(), FunctionCode.READ_INPUT_REGISTERS));
        blocks.addAll(blocks(s.image(), FunctionCode.READ_DISCRETE_INPUTS));
        assertThat(RegisterDecoder.decodeAll(INTEGERS, blocks)).isEqualTo(truth.decodable()).hasSize(9);
        // Both register functions were named by no map line but 04: 03 serves the same words.
        assertThat(s.image().read(FunctionCode.READ_HOLDING_REGISTERS, 0, 23))
                .containsExactly(s.image().read(FunctionCode.READ_INPUT_REGISTERS, 0, 23));
        assertThat(s.image().serves(FunctionCode.READ_COILS)).isFalse();
    }

    @Test
    void valuesWrapIntoTheirTypeAndAMissingValueHasTheTypesMarker() {
        RegisterMap small = RegisterMapParser.parse("small.map", """
                map    | small
                models | test meter
                value | energy16 | 03 | 0 | int16  | -   | -3 | energy          | kWh | current
                value | temp16   | 03 | 1 | uint16 | -   | -1 | flowTemperature | °C  | current
                value | temp32   | 03 | 2 | int32  | big | -1 | flowTemperature | °C  | current
                value | tempBcd  | 03 | 4 | bcd16  | -   | -1 | flowTemperature | °C  | current
                """);
        ModbusMeter unit = new ModbusMeter(meter, small);
        BigDecimal kwh = meter.reading(AT).amount(Register.ENERGY);
        int raw = kwh.movePointRight(3).toBigIntegerExact().intValue();
        UnitTruth ok = truth(unit);
        assertThat(ok.value("energy16")).contains(BigDecimal.valueOf((short) raw, 3));

        meter.setError(MeterError.T1_SENSOR_BREAK, meter.dataInstant(AT).minusSeconds(1));
        UnitTruth broken = truth(unit);
        assertThat(broken.value("temp16")).contains(new BigDecimal("6553.5"));
        assertThat(broken.value("temp32")).contains(new BigDecimal("-214748364.8"));
        assertThat(broken.value("tempBcd")).isEmpty();
        assertThat(unit.snapshot(AT).image().read(FunctionCode.READ_HOLDING_REGISTERS, 1, 4))
                .containsExactly(0xFFFF, 0x8000, 0x0000, 0xFFFF);
    }

    @Test
    void aMapUnitTheMetersValueDoesNotConvertToIsRefusedNamingBoth() {
        RegisterMap fahrenheit = RegisterMapParser.parse("us.map", """
                map    | us
                models | test meter
                value | t | 03 | 0 | float32 | big | 0 | flowTemperature | °F | current
                """);
        assertThatThrownBy(() -> new ModbusMeter(meter, fahrenheit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("register map 'us' (us.map line 3)").hasMessageContaining("'t' is in °F")
                .hasMessageContaining("in °C");
    }

    private UnitTruth truth(ModbusMeter unit) {
        ModuleSnapshot s = unit.snapshot(AT);
        return new UnitTruth(1, meter.id(), meter.type(), s.readAt(), s.dataAt(), s.values());
    }

    /** The whole range of a function, in reads of at most 125 registers, as a master reads it. */
    static List<RegisterBlock> blocks(RegisterImage image, FunctionCode f) {
        int[] range = image.range(f).orElseThrow();
        int max = f.readsBits() ? Responder.MAX_BITS : Responder.MAX_REGISTERS;
        List<RegisterBlock> out = new ArrayList<>();
        for (int a = range[0]; a <= range[1]; a += max) {
            int n = Math.min(max, range[1] - a + 1);
            out.add(new RegisterBlock(f, a, image.read(f, a, n)));
        }
        return out;
    }

    /** Equal, or apart by less than a float32's step at that magnitude. */
    private static void assertNearFloat(BigDecimal served, BigDecimal exact) {
        BigDecimal step = new BigDecimal(Math.ulp(exact.floatValue()));
        assertThat(served.subtract(exact).abs()).as("%s served for %s", served, exact).isLessThanOrEqualTo(step);
        assertThat(served).isEqualTo(org.openamr.mbus.value.DataTypes.shortestDecimal(exact.floatValue()));
    }
}
