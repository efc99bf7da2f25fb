package org.openamr.acquisition.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModbusAddressTest {

    @Test
    void everySpellingOfAChannelGivesOneCanonicalText() {
        assertThat(ModbusAddress.parse("tcp://Meter-GW")).hasToString("tcp://meter-gw:502")
                .isEqualTo(new ModbusAddress.Tcp(ModbusAddress.Framing.MBAP, "meter-gw", 502));
        assertThat(ModbusAddress.parse(" tcp://10.0.0.7:1502/ ")).hasToString("tcp://10.0.0.7:1502");
        assertThat(ModbusAddress.parse("tcp://[::1]")).hasToString("tcp://[::1]:502");
        assertThat(ModbusAddress.parse("rtu+tcp://moxa:4001")).hasToString("rtu+tcp://moxa:4001")
                .isEqualTo(new ModbusAddress.Tcp(ModbusAddress.Framing.RTU, "moxa", 4001));
        assertThat(ModbusAddress.parse("rtu:/dev/ttyUSB0")).hasToString("rtu:/dev/ttyUSB0?baud=9600&format=8E1");
        assertThat(ModbusAddress.parse("rtu:COM3?format=8n2&baud=19200")).hasToString("rtu:COM3?baud=19200&format=8N2");
        ModbusAddress.Serial r = (ModbusAddress.Serial) ModbusAddress.parse("rtu:/dev/ttyS1?baud=1200&format=8O1");
        assertThat(r.port()).isEqualTo("/dev/ttyS1");
        assertThat(r.line().parity()).isEqualTo('O');
        for (String s : new String[] {"tcp://h:502", "rtu+tcp://h:4001", "rtu:/dev/ttyUSB0?baud=115200&format=8N1"}) {
            assertThat(ModbusAddress.parse(ModbusAddress.parse(s).toString())).hasToString(s);
        }
    }

    @Test
    void theSilentIntervalIsThreeAndAHalfElevenBitCharactersUpTo19200Baud() {
        assertThat(rtu(9600).silentInterval()).isEqualTo(Duration.ofNanos(4_010_417));
        assertThat(rtu(19200).silentInterval()).isEqualTo(Duration.ofNanos(2_005_208));
        assertThat(rtu(1200).silentInterval()).isEqualTo(Duration.ofNanos(32_083_333));
        assertThat(rtu(38400).silentInterval()).isEqualTo(Duration.ofNanos(1_750_000));
        assertThat(rtu(115200).silentInterval()).isEqualTo(Duration.ofNanos(1_750_000));
    }

    private static ModbusAddress.Serial rtu(int baud) {
        return (ModbusAddress.Serial) ModbusAddress.parse("rtu:/dev/x?baud=" + baud);
    }

    @Test
    void aBadAddressIsRefusedSayingWhatIsWrong() {
        refused("", "empty");
        refused("/dev/ttyUSB0", "rtu:/dev/ttyUSB0?baud=9600");
        refused("udp://h:502", "starts with neither");
        refused("tcp://:502", "no valid host");
        refused("tcp://h:0", "port '0' is not 1–65535");
        refused("tcp://h:70000", "port '70000' is not 1–65535");
        refused("tcp://h:x", "port 'x'");
        refused("rtu+tcp://moxa", "has no port");
        refused("rtu:", "names no serial port");
        refused("rtu:/dev/ttyUSB0?baud=600", "baud 600 is outside 1200–115200");
        refused("rtu:/dev/ttyUSB0?baud=230400", "outside 1200–115200");
        refused("rtu:/dev/ttyUSB0?baud=fast", "baud 'fast' is not a number");
        refused("rtu:/dev/ttyUSB0?format=7E1", "format '7E1' is not 8E1, 8O1, 8N2 or 8N1");
        refused("rtu:/dev/ttyUSB0?parity=even", "'parity=even' is not baud=N or format=");
        refused("rtu:/dev/ttyUSB0?baud=9600&baud=19200", "gives baud twice");
    }

    private static void refused(String text, String why) {
        assertThatThrownBy(() -> ModbusAddress.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(why);
    }
}
