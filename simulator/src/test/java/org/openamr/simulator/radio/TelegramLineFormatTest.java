package org.openamr.simulator.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkLayerCodec;

class TelegramLineFormatTest {

    private final RadioTelegram telegram = new RadioSource(RadioFilesTest.settings(1, 1, RadioSecurity.MODE_5))
            .telegrams().next();

    @Test
    void replayLinesCarryTheFormatATelegramWithItsInstantModeAndLevel() throws Exception {
        String[] f = TelegramLineFormat.REPLAY.line(telegram).split(" ");
        assertThat(f).hasSize(4);
        assertThat(f[0]).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(java.time.Instant.parse(f[0])).isEqualTo(telegram.at());
        assertThat(f[1]).isEqualTo(telegram.meter().mode().name());
        assertThat(Integer.parseInt(f[2])).isEqualTo(telegram.meter().rssiDbm());
        byte[] bytes = HexFormat.of().parseHex(f[3]);
        assertThat(LinkLayerCodec.decode(bytes).format()).isEqualTo(FrameFormat.A);
        assertThat(LinkLayerCodec.decode(bytes).frame()).isEqualTo(telegram.frame());
        assertThat(f[3]).isUpperCase();
    }

    @Test
    void rtlWmbusLinesHaveItsEightColumns() {
        String[] f = TelegramLineFormat.RTL_WMBUS.line(telegram).split(";");
        assertThat(f).hasSize(8);
        assertThat(f[0]).isEqualTo(telegram.meter().mode().name());
        assertThat(f[1]).isEqualTo("1");
        assertThat(f[2]).isEqualTo("1");
        assertThat(f[3]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}");
        // rtl-wmbus levels have no unit and are never negative: 200 + dBm
        assertThat(f[4]).isEqualTo(Integer.toString(200 + telegram.meter().rssiDbm())).isEqualTo(f[5]);
        assertThat(f[6]).isEqualTo(telegram.meter().id());
        assertThat(f[7]).isEqualTo("0x" + HexFormat.of().formatHex(telegram.frame()));
    }

    @Test
    void formatsAreNamedAsOnTheCommandLine() {
        assertThat(TelegramLineFormat.parse("rtl-wmbus")).isEqualTo(TelegramLineFormat.RTL_WMBUS);
        assertThat(TelegramLineFormat.parse(" Replay ")).isEqualTo(TelegramLineFormat.REPLAY);
        assertThatThrownBy(() -> TelegramLineFormat.parse("csv")).hasMessageContaining("replay or rtl-wmbus")
                .hasMessageContaining("csv");
    }
}
