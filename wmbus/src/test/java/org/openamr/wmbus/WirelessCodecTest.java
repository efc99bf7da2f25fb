package org.openamr.wmbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkLayerEncoder;
import org.openamr.wmbus.tpl.FormatLookup;

class WirelessCodecTest {

    /** m-bus-parser vector 4 (MIT): a Diehl (DME) heat meter, short header, mode 5 already decrypted by the receiver. */
    static final String DME = "3E44A5119035246141047A1A0030052F2F0C06026301000C13688609040B3B0802000C2B220000F00A5A710"
            + "20A5E72020AA61800004C0636370100426CBF25";

    private static WirelessTelegram decode(byte[] in) throws Exception {
        return WirelessCodec.decode(in, KeyStore.publicDefaults(), FormatLookup.NONE);
    }

    @Test
    void theSameTelegramWithFormatACrcsDecodesToTheSameRecords() throws Exception {
        byte[] plain = Hex.bytes(DME);
        WirelessTelegram a = decode(LinkLayerEncoder.withCrcs(plain, FrameFormat.A));
        WirelessTelegram none = decode(plain);
        assertThat(a.format()).isEqualTo(FrameFormat.A);
        assertThat(none.format()).isEqualTo(FrameFormat.NO_CRC);
        assertThat(Decoding.values(a)).isEqualTo(Decoding.values(none)).contains("16302 kWh", "4098.668 m3", "27.1 °C");
        assertThat(a.warnings()).anyMatch(w -> w.contains("plain"));
        assertThat(a.decryptions()).extracting(Decryption::keySource)
                .containsExactly(Decryption.KeySource.ALREADY_DECRYPTED);
        // Record offsets count input bytes: the first record (0C 06 at frame byte 17) follows one CRC.
        assertThat(none.records().records().get(0).offset()).isEqualTo(17);
        assertThat(a.records().records().get(0).offset()).isEqualTo(19);
    }

    @Test
    void errorOffsetsPointIntoTheInputWithItsCrcs() {
        byte[] plain = Hex.bytes(DME);
        // Cut the last record's data short and fix the L-field: the record decoder stops at the frame end.
        byte[] cut = Arrays.copyOf(plain, plain.length - 1);
        cut[0] = (byte) (cut.length - 1);
        byte[] a = LinkLayerEncoder.withCrcs(cut, FrameFormat.A);
        assertThatThrownBy(() -> decode(cut)).isInstanceOf(TruncatedException.class)
                .extracting(e -> ((TruncatedException) e).offset()).isEqualTo(cut.length);
        // 62 data bytes: block 1 and three full blocks of 16 (each with 2 CRC bytes), then 4 bytes.
        assertThatThrownBy(() -> decode(a)).isInstanceOf(TruncatedException.class)
                .extracting(e -> ((TruncatedException) e).offset()).isEqualTo(12 + 3 * 18 + 4);
    }

    @Test
    void anUnknownCiFieldIsUnsupportedAtItsOffset() {
        assertThatThrownBy(() -> decode(Hex.bytes("0B44A511903524614104" + "5B" + "00")))
                .isInstanceOf(UnsupportedException.class).hasMessageContaining("CI field 5B")
                .extracting(e -> ((UnsupportedException) e).offset()).isEqualTo(10);
    }

    @Test
    void anUnimplementedSecurityModeIsUnsupported() {
        // Short header with configuration 0x0D10: security mode 13 (TLS), one block.
        assertThatThrownBy(() -> decode(Hex.bytes("1E44A5119035246141047A1A00100D" + "00".repeat(16))))
                .isInstanceOf(UnsupportedException.class).hasMessageContaining("security mode 13");
    }
}
