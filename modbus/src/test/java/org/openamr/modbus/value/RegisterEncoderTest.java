package org.openamr.modbus.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMapParser;
import org.openamr.modbus.map.ValueDefinition;

class RegisterEncoderTest {

    private static final RegisterMap MAP = RegisterMapParser.parse("test.map", """
            map    | test
            models | T1
            value  | energy  | 03 | 0  | uint32  | little | -3 | energy          | kWh  | current
            value  | volume  | 03 | 2  | int32   | big    | -2 | volume          | m3   | current
            value  | temp    | 03 | 4  | int16   | -      | -2 | flowTemperature | °C   | current
            value  | flow    | 03 | 5  | float32 | little | 0  | volumeFlow      | m3/h | current
            value  | code    | 03 | 7  | bcd32   | big    | 0  | errorFlags      | -    | current
            value  | count   | 03 | 9  | uint16  | -      | 0  | errorFlags      | -    | current
            """);

    private static ValueDefinition def(String name) {
        return MAP.value(name).orElseThrow();
    }

    @Test
    void whatIsEncodedDecodesToTheSameExactValue() throws Exception {
        int[] words = new int[10];
        put(words, "energy", "123456.789");
        put(words, "volume", "-12.34");
        put(words, "temp", "-5.25");
        put(words, "flow", "1.2");
        put(words, "code", "12345678");
        put(words, "count", "65535");
        assertThat(words[0]).isEqualTo(0xCD15); // 123456789 = 0x075BCD15, low word first
        assertThat(words[1]).isEqualTo(0x075B);
        assertThat(words[7]).isEqualTo(0x1234);
        assertThat(words[8]).isEqualTo(0x5678);
        List<ModbusValue> values = RegisterDecoder.decodeAll(MAP,
                List.of(new RegisterBlock(org.openamr.modbus.FunctionCode.READ_HOLDING_REGISTERS, 0, words)));
        assertThat(values).extracting(ModbusValue::value).containsExactly(new BigDecimal("123456.789"),
                new BigDecimal("-12.34"), new BigDecimal("-5.25"), new BigDecimal("1.2"), new BigDecimal("12345678"),
                new BigDecimal("65535"));
    }

    @Test
    void aFloatServesTheNearestFloatAndSaysWhichDecimalThatIs() {
        assertThat(RegisterEncoder.served(def("flow"), new BigDecimal("16777217"), 0))
                .isEqualByComparingTo("16777216");
        assertThat(RegisterEncoder.served(def("energy"), new BigDecimal("1.5"), -3)).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void aValueTheTypeCannotCarryIsRefusedNotRounded() {
        assertThatThrownBy(() -> RegisterEncoder.encode(def("energy"), new BigDecimal("1.2345")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("energy").hasMessageContaining("decimals");
        assertThatThrownBy(() -> RegisterEncoder.encode(def("temp"), new BigDecimal("400")))
                .hasMessageContaining("outside -32768…32767");
        assertThatThrownBy(() -> RegisterEncoder.encode(def("energy"), new BigDecimal("-1")))
                .hasMessageContaining("outside 0…4294967295");
    }

    private static void put(int[] words, String name, String value) {
        ValueDefinition d = def(name);
        int[] w = RegisterEncoder.encode(d, new BigDecimal(value));
        System.arraycopy(w, 0, words, d.address(), w.length);
    }
}
