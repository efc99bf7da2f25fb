package org.openamr.wmbus.tpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openamr.wmbus.CrcException;
import org.openamr.wmbus.Decoding;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.UnknownFormatException;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.keys.KeyStore;

/** Kamstrup full (CI 0x78) and compact (CI 0x79) frames from jMBus's ShortTelegramTest (MPL-2.0). */
class CompactFrameTest {

    static final String LONG = "5C442D2C06357260190C8D207B70032F21271D7802F9FF15011104061765000004EEFF07BFA8000004EEFF08D2"
            + "4F00000414B1FB000002FD170000026CE919426CFF184406F76400004414E8FA0000043B0B0000000259DB11025D1C0B5B";
    static final String SHORT = "3F442D2C06357260190C8D207C71032F21255C79DD829283011117650000BFA80000D24F0000B1FB00000000"
            + "E919FF18F7640000E8FA00000B000000DB111C0B5B";

    @Test
    void beforeItsFullFrameACompactFrameIsReadUpToItsSignature() throws Exception {
        WirelessDecoder d = new WirelessDecoder(KeyStore.empty());
        WirelessTelegram t = d.decode(Hex.bytes(SHORT));
        assertThat(t.transport().ci()).isEqualTo(0x79);
        assertThat(t.records()).isNull();
        assertThat(t.payload()).isInstanceOfSatisfying(Payload.Undecoded.class,
                u -> assertThat(u.reason()).isInstanceOf(UnknownFormatException.class)
                        .hasMessageContaining("signature 82DD"));
    }

    @Test
    void afterItsFullFrameACompactFrameHasTheSameRecords() throws Exception {
        WirelessDecoder d = new WirelessDecoder(KeyStore.empty());
        WirelessTelegram full = d.decode(Hex.bytes(LONG));
        assertThat(full.records().records()).hasSize(13);
        assertThat(d.formats().size()).isEqualTo(1);
        WirelessTelegram compact = d.decode(Hex.bytes(SHORT));
        List<String> values = Decoding.values(compact);
        assertThat(values).hasSize(13).isEqualTo(Decoding.values(full));
        assertThat(values.get(1)).isEqualTo("25879 kWh");
    }

    @Test
    void theLayoutIsLearnedPerMeter() throws Exception {
        WirelessDecoder d = new WirelessDecoder(KeyStore.empty());
        d.decode(Hex.bytes(LONG));
        // The same compact frame from another meter (id digits changed, payload CRC of the ELL kept valid
        // because it only covers the payload): its layout is not known.
        String other = SHORT.substring(0, 8) + "07" + SHORT.substring(10);
        WirelessTelegram t = d.decode(Hex.bytes(other));
        assertThat(t.payload()).isInstanceOf(Payload.Undecoded.class);
    }

    @Test
    void compactDataThatDoNotMatchTheLayoutsCrcAreRejected() throws Exception {
        WirelessDecoder d = new WirelessDecoder(KeyStore.empty());
        d.decode(Hex.bytes(LONG));
        byte[] bad = Hex.bytes(SHORT);
        bad[0x1D] ^= 0x01; // a value byte; the ELL payload CRC is fixed up so that only the data CRC catches it
        int crc = org.openamr.wmbus.link.Crc16.compute(bad, 19, bad[0] + 1 - 19);
        bad[17] = (byte) crc;
        bad[18] = (byte) (crc >> 8);
        assertThatThrownBy(() -> d.decode(bad)).isInstanceOf(CrcException.class).hasMessageContaining("data CRC");
    }
}
