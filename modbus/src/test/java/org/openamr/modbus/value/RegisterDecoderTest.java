package org.openamr.modbus.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.WordOrder;

class RegisterDecoderTest {

    @Test
    void sixteenBitIntegersSignedAndUnsigned() {
        assertThat(RegisterDecoder.uint16(0xFFFF)).isEqualTo(65535);
        assertThat(RegisterDecoder.int16(0xFFFF)).isEqualTo(-1);
        assertThat(RegisterDecoder.int16(0x8000)).isEqualTo(-32768);
        assertThat(RegisterDecoder.int16(0x7FFF)).isEqualTo(32767);
    }

    @Test
    void thirtyTwoBitIntegersInBothWordOrders() {
        assertThat(RegisterDecoder.int32(0x1234, 0x5678, WordOrder.BIG)).isEqualTo(0x12345678);
        assertThat(RegisterDecoder.int32(0x5678, 0x1234, WordOrder.LITTLE)).isEqualTo(0x12345678);
        // -2 is FFFF FFFE: little word order puts the low word FFFE first.
        assertThat(RegisterDecoder.int32(0xFFFE, 0xFFFF, WordOrder.LITTLE)).isEqualTo(-2);
        assertThat(RegisterDecoder.int32(0xFFFF, 0xFFFE, WordOrder.BIG)).isEqualTo(-2);
        assertThat(RegisterDecoder.uint32(0xFFFF, 0xFFFE, WordOrder.BIG)).isEqualTo(4_294_967_294L);
        assertThat(RegisterDecoder.uint32(0xFFFE, 0xFFFF, WordOrder.LITTLE)).isEqualTo(4_294_967_294L);
    }

    @Test
    void float32BecomesItsShortestDecimal() throws Exception {
        assertThat(RegisterDecoder.float32("v", 0, 0x4148, 0x0000, WordOrder.BIG)).isEqualTo(new BigDecimal("12.5"));
        assertThat(RegisterDecoder.float32("v", 0, 0x0000, 0x4148, WordOrder.LITTLE)).isEqualTo(new BigDecimal("12.5"));
        // 0x3DCCCCCD is the float nearest 0.1 (0.100000001490116…); the meter meant 0.1.
        assertThat(RegisterDecoder.float32("v", 0, 0x3DCC, 0xCCCD, WordOrder.BIG)).isEqualTo(new BigDecimal("0.1"));
        assertThat(RegisterDecoder.float32("v", 0, 0xC148, 0x0000, WordOrder.BIG)).isEqualTo(new BigDecimal("-12.5"));
    }

    @Test
    void float32NaNAndInfinityAreRefusedNamingTheRegister() {
        assertThatThrownBy(() -> RegisterDecoder.float32("power", 28, 0x7FC0, 0x0000, WordOrder.BIG))
                .isInstanceOf(NotANumberException.class)
                .hasMessage("power: float32 at register 28 is NaN")
                .satisfies(e -> {
                    assertThat(((RegisterDecodeException) e).kind()).isEqualTo("not-a-number");
                    assertThat(((RegisterDecodeException) e).address()).isEqualTo(28);
                });
        assertThatThrownBy(() -> RegisterDecoder.float32("power", 28, 0x0000, 0xFF80, WordOrder.LITTLE))
                .isInstanceOf(NotANumberException.class).hasMessageContaining("-Infinity");
    }

    @Test
    void bcdDigitsAndTheirErrors() throws Exception {
        assertThat(RegisterDecoder.bcd16("v", 0, 0x1234)).isEqualTo(1234);
        assertThat(RegisterDecoder.bcd16("v", 0, 0x0009)).isEqualTo(9);
        assertThat(RegisterDecoder.bcd32("v", 0, 0x1234, 0x5678, WordOrder.BIG)).isEqualTo(12_345_678);
        assertThat(RegisterDecoder.bcd32("v", 0, 0x5678, 0x1234, WordOrder.LITTLE)).isEqualTo(12_345_678);
        assertThatThrownBy(() -> RegisterDecoder.bcd16("energy", 40, 0x12A4))
                .isInstanceOf(InvalidBcdException.class)
                .hasMessage("energy: register 40 holds 0x12A4, a BCD digit above 9")
                .extracting(e -> ((RegisterDecodeException) e).kind()).isEqualTo("bcd");
        // The bad digit sits in the second register: the error names that one, whatever the order.
        assertThatThrownBy(() -> RegisterDecoder.bcd32("energy", 100, 0x0012, 0x3F56, WordOrder.BIG))
                .isInstanceOf(InvalidBcdException.class)
                .extracting(e -> ((RegisterDecodeException) e).address()).isEqualTo(101);
        assertThatThrownBy(() -> RegisterDecoder.bcd32("energy", 100, 0x0012, 0x3F56, WordOrder.LITTLE))
                .isInstanceOf(InvalidBcdException.class)
                .extracting(e -> ((RegisterDecodeException) e).address()).isEqualTo(101);
    }

    @Test
    void scalingIsExact() {
        assertThat(RegisterDecoder.scaled(BigDecimal.valueOf(123456), -3)).isEqualTo(new BigDecimal("123.456"));
        assertThat(RegisterDecoder.scaled(BigDecimal.valueOf(5), 2)).isEqualByComparingTo("500");
        assertThat(RegisterDecoder.scaled(new BigDecimal("12.5"), -1)).isEqualTo(new BigDecimal("1.25"));
    }

    private static final RegisterMap MAP = RegisterMapParser.parse("test.map", """
            map    | test
            models | T1
            value  | energy      | 03 | 0  | uint32  | little | -3    | energy          | kWh | current
            value  | volume      | 03 | 2  | int32   | big    | @10   | volume          | m3  | dueDate
            value  | temperature | 04 | 0  | int16   | -      | @1-3  | flowTemperature | °C  | current
            value  | flow        | 04 | 2  | float32 | big    | 0     | volumeFlow      | m3/h | current | 0 | 1
            value  | code        | 04 | 4  | bcd16   | -      | 0     | errorFlags      | -   | current
            value  | leak        | 02 | 7  | bit     | -      | 0     | digitalInput    | -   | current
            """);

    @Test
    void aMapsValuesFromTheBlocksThatWereRead() throws Exception {
        List<RegisterBlock> blocks = List.of(
                // 123456 = 0x0001E240, low word first; volume 9549820 = 0x0091B7FC; exponent register 10 = -3
                new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 0, 0xE240, 0x0001, 0x0091, 0xB7FC),
                new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 10, 0xFFFD),
                // 7150 with exponent register 1 (= 1) - 3: 71.50 °C
                RegisterBlock.ofShorts(FunctionCode.READ_INPUT_REGISTERS, 0, (short) 7150, (short) 1, (short) 0x4148,
                        (short) 0, (short) 0x0012),
                new RegisterBlock(FunctionCode.READ_DISCRETE_INPUTS, 7, 1));
        assertThat(RegisterDecoder.decodeAll(MAP, blocks)).containsExactly(
                new ModbusValue("energy", Quantity.ENERGY, Unit.KWH, 0, 0, 0, new BigDecimal("123.456")),
                new ModbusValue("volume", Quantity.VOLUME, Unit.M3, 1, 0, 0, new BigDecimal("9549.820")),
                new ModbusValue("temperature", Quantity.FLOW_TEMPERATURE, Unit.CELSIUS, 0, 0, 0, new BigDecimal("71.50")),
                new ModbusValue("flow", Quantity.VOLUME_FLOW, Unit.M3_PER_H, 0, 0, 1, new BigDecimal("12.5")),
                new ModbusValue("code", Quantity.ERROR_FLAGS, Unit.NONE, 0, 0, 0, new BigDecimal("12")),
                new ModbusValue("leak", Quantity.DIGITAL_INPUT, Unit.NONE, 0, 0, 0, BigDecimal.ONE));
    }

    @Test
    void valuesOutsideTheBlocksAreLeftOutButAMissingExponentRegisterIsAnError() throws Exception {
        RegisterBlock energyOnly = new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 0, 0xE240, 0x0001);
        assertThat(RegisterDecoder.decodeAll(MAP, List.of(energyOnly))).extracting(ModbusValue::name)
                .containsExactly("energy");
        RegisterBlock volumeWithoutExponent = new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 2, 0, 1);
        assertThatThrownBy(() -> RegisterDecoder.decodeAll(MAP, List.of(volumeWithoutExponent)))
                .isInstanceOf(MissingRegisterException.class)
                .hasMessage("volume: register 03 10 was not read");
    }

    @Test
    void anExponentRegisterBeyondTwentyIsRefused() {
        List<RegisterBlock> blocks = List.of(new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 2, 0, 1),
                new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 10, 0x7FFF));
        assertThatThrownBy(() -> RegisterDecoder.decode(MAP.value("volume").orElseThrow(), blocks))
                .isInstanceOf(ExponentOutOfRangeException.class)
                .hasMessageContaining("exponent register 10 gives 10^32767")
                .extracting(e -> ((RegisterDecodeException) e).address()).isEqualTo(10);
    }

    @Test
    void blocksRefuseWordsThatNoRegisterHolds() {
        assertThatThrownBy(() -> new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 0, 0x10000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holding registers 0");
        assertThatThrownBy(() -> new RegisterBlock(FunctionCode.READ_COILS, 3, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coils 4: 2");
        assertThatThrownBy(() -> new RegisterBlock(FunctionCode.READ_INPUT_REGISTERS, 65535, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..65535");
    }

    @Test
    void aValueHoldingTheMapsNoValuePatternIsLeftOutNotReadAsANumber() throws Exception {
        RegisterMap map = RegisterMapParser.parse("gateway.map", """
                map     | gateway
                models  | G
                novalue | int32 | 0x80000000
                novalue | float32 | NaN
                value   | energy | 03 | 0 | int32   | little | -3 | energy     | kWh  | current
                value   | volume | 03 | 2 | int32   | big    | -3 | volume     | m3   | current
                value   | flow   | 03 | 4 | float32 | big    | 0  | volumeFlow | m3/h | current
                value   | power  | 03 | 6 | float32 | big    | 0  | power      | kW   | current
                """);
        // energy: 0x80000000 in little order is the no-value code; volume 1.000; flow NaN; power 12.5
        RegisterBlock block = new RegisterBlock(FunctionCode.READ_HOLDING_REGISTERS, 0,
                0x0000, 0x8000, 0x0000, 1000, 0x7FC0, 0x0000, 0x4148, 0x0000);
        assertThat(RegisterDecoder.decodeAll(map, List.of(block))).extracting(ModbusValue::name, ModbusValue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("volume", new BigDecimal("1.000")),
                        org.assertj.core.groups.Tuple.tuple("power", new BigDecimal("12.5")));
        // the same words through a map without novalue: a number and an error, as the registers say
        RegisterMap plain = RegisterMapParser.parse("plain.map", """
                map    | plain
                models | P
                value  | energy | 03 | 0 | int32 | little | -3 | energy | kWh | current
                """);
        assertThat(RegisterDecoder.decodeAll(plain, List.of(block))).extracting(ModbusValue::value)
                .containsExactly(new BigDecimal("-2147483.648"));
    }
}
