package org.openamr.wmbus.ell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.wmbus.Decoding.decode;
import static org.openamr.wmbus.Decoding.values;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.MissingKeyException;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.WrongKeyException;

/** ELL II (CI 0x8D) with AES-CTR: jMBus's Kamstrup test telegram and key (MPL-2.0, see src/test/resources/vectors). */
class EllCodecTest {

    static final String KAMSTRUP = "24442D2C692845631B168D3050209CD621B006B1140AEF4953AE5B86FAFC0B00E70705B84689";
    static final String KEY = "4E5508544202058100DFEFA06B0934A5";

    @Test
    void ctrDecryptionWithTheHopBitMaskedAndThePayloadCrcChecked() throws Exception {
        WirelessTelegram t = decode(KAMSTRUP, KEY);
        assertThat(t.ell().communicationControl()).isEqualTo(0x30);
        assertThat(t.ell().accessNumber()).isEqualTo(0x50);
        assertThat(t.ell().encryption()).isEqualTo(1);
        assertThat(t.decryptions()).extracting(Decryption::method).containsExactly(Decryption.Method.ELL_AES_CTR);
        assertThat(t.transport().ci()).isEqualTo(0x78);
        assertThat(values(t).get(1)).isEqualTo("474.240 m3");
        assertThat(t.warnings()).anyMatch(w -> w.contains("1 byte(s) after the frame's end"));
    }

    @Test
    void wrongKeyFailsThePayloadCrc() {
        assertThatThrownBy(() -> decode(KAMSTRUP, "4E5508544202058100DFEFA06B0934AF"))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("payload CRC");
    }

    @Test
    void withoutAKeyTheLinkLayerAndEllAreRead() throws Exception {
        WirelessTelegram t = decode(KAMSTRUP);
        assertThat(t.meter().id()).isEqualTo("63452869");
        assertThat(t.meter().manufacturerLetters()).isEqualTo("KAM");
        assertThat(t.accessNumber()).isEqualTo(0x50);
        assertThat(t.status()).isNull();
        assertThat(t.payload()).isInstanceOfSatisfying(Payload.Undecoded.class,
                u -> assertThat(u.reason()).isInstanceOf(MissingKeyException.class));
    }

    @Test
    void ell1WithoutEncryption() throws Exception {
        // m-bus-parser's test_ci_78_wireless_frame_without_tpl_header (MIT).
        WirelessTelegram t = decode("1244AE0C7856341201078C2027780B13436587");
        assertThat(t.ell().communicationControl()).isEqualTo(0x20);
        assertThat(t.ell().accessNumber()).isEqualTo(0x27);
        assertThat(values(t)).containsExactly("876.543 m3");
        assertThat(Hex.text(t.link().rawField())).isEqualTo("AE0C785634120107");
    }
}
