package org.openamr.modbus.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;

class RegisterMapParserTest {

    private static final String HEADER = """
            # a meter of tests
            map        | Test meter
            models     | T-1, T-2
            """;

    @Test
    void aGoodMapWithEveryKindOfValue() {
        RegisterMap map = RegisterMapParser.parse("good.map", HEADER + """
                unverified | read off a meter, not a manual
                source     | Test meter manual, edition 2
                models     | T-3
                value | energy | 03     | 0x10 | uint32  | big    | -3   | energy      | kWh | current
                value | old    | holding| 18   | bcd32   | little | +2   | energy      | kWh | dueDate | 1 | 0
                value | pulses | input  | 0    | int16   | -      | @5-1 | volume      | m3  | 0 | 0 | 2   # pulse input 2
                value | door   | 1      | 3    | bit     | -      | 0    | digitalInput | -  | current
                """);
        assertThat(map.name()).isEqualTo("Test meter");
        assertThat(map.models()).containsExactly("T-1", "T-2", "T-3");
        assertThat(map.appliesTo(" t-2 ")).isTrue();
        assertThat(map.appliesTo("T-4")).isFalse();
        assertThat(map.unverified()).contains("read off a meter, not a manual");
        assertThat(map.sources()).containsExactly("Test meter manual, edition 2");
        assertThat(map.values()).containsExactly(
                new ValueDefinition("energy", FunctionCode.READ_HOLDING_REGISTERS, 16, DataType.UINT32, WordOrder.BIG,
                        new Scale.Fixed(-3), Quantity.ENERGY, Unit.KWH, 0, 0, 0, 7),
                new ValueDefinition("old", FunctionCode.READ_HOLDING_REGISTERS, 18, DataType.BCD32, WordOrder.LITTLE,
                        new Scale.Fixed(2), Quantity.ENERGY, Unit.KWH, 1, 1, 0, 8),
                new ValueDefinition("pulses", FunctionCode.READ_INPUT_REGISTERS, 0, DataType.INT16, null,
                        new Scale.FromRegister(5, -1), Quantity.VOLUME, Unit.M3, 0, 0, 2, 9),
                new ValueDefinition("door", FunctionCode.READ_COILS, 3, DataType.BIT, null,
                        new Scale.Fixed(0), Quantity.DIGITAL_INPUT, Unit.NONE, 0, 0, 0, 10));
        assertThat(RegisterMapParser.parse("plain.map", HEADER + "value | e | 04 | 0 | int16 | - | 0 | energy | kWh | current")
                .isUnverified()).isFalse();
    }

    @Test
    void theSameAddressUnderAnotherFunctionIsNoOverlap() {
        RegisterMap map = RegisterMapParser.parse("t.map", HEADER + """
                value | a | 03 | 8 | float32 | big | 0 | energy | kWh | current
                value | b | 04 | 8 | float32 | big | 0 | energy | kWh | dueDate
                """);
        assertThat(map.values()).hasSize(2);
    }

    /** Each bad line sits on line 4, after the three header lines. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "value | e | 03 | 0 | int24 | - | 0 | energy | kWh | current; unknown type 'int24' (known: int16, uint16, int32",
        "value | e | 03 | 0 | int16 | - | 0 | energy |  | current; missing unit (write - for a value without one)",
        "value | e | 03 | 0 | int16 | - | 0 | energy | Wh | current; unknown unit 'Wh' (known: kWh",
        "value | e | 03 | 0 | int16 | - | 0 | heat | kWh | current; unknown quantity 'heat'",
        "value | e | 03 | -1 | int16 | - | 0 | energy | kWh | current; bad address -1: a int16 value must lie within 0..65535",
        "value | e | 03 | 65535 | int32 | big | 0 | energy | kWh | current; bad address 65535: a int32 value must lie within 0..65534",
        "value | e | 03 | 40001x | int16 | - | 0 | energy | kWh | current; bad address '40001x': not a decimal or 0x-hex number",
        "value | e | 05 | 0 | int16 | - | 0 | energy | kWh | current; function '05' is not 01 (coils), 02 (discrete inputs), 03 (holding registers) or 04 (input registers)",
        "value | e | 03 | 0 | int16 | big | 0 | energy | kWh | current; word order 'big' given for int16, which takes one address: write -",
        "value | e | 03 | 0 | int32 | - | 0 | energy | kWh | current; word order '-' of int32 is not big (high word first) or little (low word first)",
        "value | e | 03 | 0 | bit | - | 0 | digitalInput | - | current; type bit is read with function 01 or 02, not 03",
        "value | e | 02 | 0 | uint16 | - | 0 | digitalInput | - | current; function 02 reads discrete inputs: their type is bit, not uint16",
        "value | e | 03 | 0 | int16 | - | milli | energy | kWh | current; scale 'milli' is not a power of ten such as 0, -3 or +2, nor @ADDRESS",
        "value | e | 03 | 0 | int16 | - | -21 | energy | kWh | current; scale exponent -21 is outside -20..+20",
        "value | e | 03 | 0 | int16 | - | @x | energy | kWh | current; scale '@x' is not @ADDRESS or @ADDRESS+N / @ADDRESS-N",
        "value | e | 03 | 0 | int16 | - | 0 | energy | kWh | monthly; storage 'monthly' is not current, dueDate or a storage number 0, 1, 2 …",
        "value | e | 03 | 0 | int16 | - | 0 | energy | kWh; a value line has 10 columns (or 12 with tariff and subunit), found 9",
        "value | 1e | 03 | 0 | int16 | - | 0 | energy | kWh | current; value name '1e' must start with a letter",
        "register | e | 03 | 0; unknown statement 'register' (expected map, models, unverified, source, novalue or value)",
        "novalue | int32; 'novalue' takes a type and a pattern: novalue | int32 | 0x80000000, or novalue | float32 | NaN",
        "novalue | int24 | 0x8000; 'novalue': unknown register type 'int24'",
        "novalue | int16 | NaN; 'novalue': NaN is a float32 pattern, not int16",
        "novalue | int16 | 0x80000000; 'novalue': 0x80000000 does not fit int16",
        "novalue | int32 | -1; 'novalue': pattern '-1' is not hex such as 0x80000000 (or NaN for float32)",
        "map | Another; a second 'map' line (the map is 'Test meter')",
    })
    void badLinesAreRefusedNamingTheLine(String line, String problem) {
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", HEADER + line + "\n"))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessageStartingWith("bad.map, line 4: " + problem)
                .satisfies(e -> assertThat(((RegisterMapFormatException) e).line()).isEqualTo(4));
    }

    @Test
    void overlappingRegistersNameBothValuesAndLines() {
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", HEADER + """
                value | energy | 03 | 8 | float32 | big | 0 | energy | kWh | current
                value | volume | 03 | 10 | float32 | big | 0 | volume | m3 | current
                value | power | 03 | 9 | int16 | - | 0 | power | kW | current
                """))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessage("bad.map, line 6: registers 03 9 of 'power' overlap 03 8..9 of 'energy' (line 4)");
    }

    @Test
    void anExponentRegisterMustNotBeAValue() {
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", HEADER + """
                value | energy | 03 | 0 | uint32 | big | @3 | energy | kWh | current
                value | volume | 03 | 2 | uint32 | big | 0  | volume | m3  | current
                """))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessage("bad.map, line 4: exponent register 03 3 of 'energy' is a register of 'volume' (line 5)");
    }

    @Test
    void duplicateNamesAndIncompleteMapsAreRefused() {
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", HEADER + """
                value | energy | 03 | 0 | uint32 | big | 0 | energy | kWh | current
                value | energy | 03 | 2 | uint32 | big | 0 | energy | kWh | dueDate
                """))
                .hasMessage("bad.map, line 5: value name 'energy' is already used on line 4");
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", "map | x\nvalue | e | 03 | 0 | int16 | - | 0 | energy | kWh | current\n"))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessage("bad.map, line 2: a map needs 'map' and 'models' lines");
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", HEADER))
                .isInstanceOf(RegisterMapFormatException.class)
                .hasMessage("bad.map, line 3: map 'Test meter' has no 'value' lines");
        assertThatThrownBy(() -> RegisterMapParser.parse("bad.map", "map | x\nmodels | a, , b\n"))
                .hasMessage("bad.map, line 2: an empty model name in the list");
    }

    @Test
    void addressesAreProtocolAddressesInDecimalOrHex() {
        RegisterMap map = RegisterMapParser.parse("t.map", HEADER + """
                value | a | 03 | 0xFFFE | uint32 | big | 0 | energy | kWh | current
                value | b | 03 | 40001  | uint16 | -   | 0 | volume | m3  | current
                """);
        assertThat(map.values()).extracting(ValueDefinition::address).isEqualTo(List.of(0xFFFE, 40001));
        assertThat(map.values().get(0).lastAddress()).isEqualTo(0xFFFF);
    }
}
