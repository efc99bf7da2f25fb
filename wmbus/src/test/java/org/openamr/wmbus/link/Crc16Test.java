package org.openamr.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;

class Crc16Test {

    @Test
    void checkValueOfTheEn13757Crc() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.compute(check, 0, check.length)).isEqualTo(0xC2B7);
    }

    @Test
    void formatBTelegramFromMBusParserCarriesItsCrcBigEndianAtTheEnd() {
        // m-bus-parser's test_ci_78_wireless_frame_with_trailing_crc (MIT): L=0x14 includes the CRC 7A C5.
        byte[] t = Hex.bytes("1444AE0C7856341201078C2027780B134365877AC5");
        assertThat(Crc16.compute(t, 0, t.length - 2)).isEqualTo(0x7AC5);
    }

    @Test
    void emptyInputIsTheComplementOfZero() {
        assertThat(Crc16.compute(new byte[0], 0, 0)).isEqualTo(0xFFFF);
    }
}
