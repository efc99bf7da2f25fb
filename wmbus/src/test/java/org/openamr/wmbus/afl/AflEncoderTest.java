package org.openamr.wmbus.afl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openamr.wmbus.Hex;

class AflEncoderTest {

    /** The AFL of the OMS vol. 2 mode-7 example: FCL 2C00, MCL 25, counter 0AB3, 8-byte MAC. */
    private static final String OMS_AFL = "900F002C25B30A000021924D4F2FB66E01";

    @Test
    void writesTheOmsExamplesAflFromItsFields() throws Exception {
        AuthenticationLayer read = AflCodec.decode(Hex.bytes(OMS_AFL), 0).afl();
        assertThat(Hex.text(AflEncoder.encode(read))).isEqualTo(OMS_AFL);
        assertThat(AflEncoder.counterAndMac(0x0AB3, read.mac())).isEqualTo(read);
    }

    @Test
    void everyOptionalFieldGoesWhereTheDecoderLooksForIt() throws Exception {
        // MCL, KI, MCR, a 4-byte MAC (type 4) and ML: FCL bits 13, 9, 11, 10, 12.
        AuthenticationLayer all = new AuthenticationLayer(0x3E01, 0x64, 0x1234, 0xA1B2C3D4L,
                new byte[] {1, 2, 3, 4}, 0x0150);
        byte[] bytes = AflEncoder.encode(all);
        assertThat(bytes[1] & 0xFF).isEqualTo(bytes.length - 2);
        AflCodec.Result back = AflCodec.decode(bytes, 0);
        assertThat(back.afl()).isEqualTo(all);
        assertThat(back.next()).isEqualTo(bytes.length);
    }

    @Test
    void aMacOfTheWrongLengthOrAFragmentIsRefused() {
        assertThatThrownBy(() -> AflEncoder.encode(AflEncoder.counterAndMac(1, new byte[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAC of 8 bytes, got 4");
        assertThatThrownBy(() -> AflEncoder.encode(new AuthenticationLayer(0x4001, -1, -1, -1, new byte[0], -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragmented");
    }
}
