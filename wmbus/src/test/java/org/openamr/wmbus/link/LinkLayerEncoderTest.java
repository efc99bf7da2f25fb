package org.openamr.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.app.ManufacturerCode;
import org.openamr.wmbus.Hex;
import org.openamr.wmbus.MeterAddress;

class LinkLayerEncoderTest {

    private static final MeterAddress METER = new MeterAddress(ManufacturerCode.encode("ELS"), "12345678", 0x33, 0x03);

    /** A frame without CRCs of {@code length} bytes: L C M A, then CI 78 and counting bytes. */
    private static byte[] frame(int length) {
        byte[] body = new byte[length - LinkFrame.BLOCK1];
        body[0] = 0x78;
        for (int i = 1; i < body.length; i++) {
            body[i] = (byte) (i * 13);
        }
        return LinkLayerEncoder.frame(DataLinkHeader.SND_NR, METER, body);
    }

    @Test
    void blockOneCarriesTheAddressInTheOrderTheDecoderReadsIt() {
        byte[] f = LinkLayerEncoder.frame(DataLinkHeader.SND_NR, METER, new byte[] {0x78});
        // The OMS example's link layer: ELS (93 15), id 12345678 (78 56 34 12), version 33, type 03.
        assertThat(Hex.text(f)).isEqualTo("0A44931578563412330378");
        assertThat(DataLinkHeader.decode(f)).isEqualTo(new DataLinkHeader(10, 0x44, METER.manufacturer(), "12345678",
                0x33, 0x03, LinkLayerEncoder.field(METER)));
    }

    @Test
    void formatAAtEveryLengthDecodesToTheFrameWithOneCrcPerBlock() throws Exception {
        for (int n = LinkFrame.BLOCK1 + 1; n <= 256; n++) {
            byte[] f = frame(n);
            byte[] a = LinkLayerEncoder.withCrcs(f, FrameFormat.A);
            int blocks = 1 + (n - LinkFrame.BLOCK1 + 15) / 16;
            assertThat(a).as("length %d", n).hasSize(n + 2 * blocks);
            LinkFrame decoded = LinkLayerCodec.decode(a);
            assertThat(decoded.format()).as("length %d", n).isEqualTo(FrameFormat.A);
            assertThat(decoded.frame()).as("length %d", n).isEqualTo(f);
        }
    }

    @Test
    void formatBAtEveryLengthCountsItsCrcsInTheLField() throws Exception {
        for (int n = LinkFrame.BLOCK1 + 1; n <= 252; n++) {
            byte[] f = frame(n);
            byte[] b = LinkLayerEncoder.withCrcs(f, FrameFormat.B);
            int crcs = n > LinkFrame.FORMAT_B_FIRST_CRC ? 2 : 1;
            assertThat(b).as("length %d", n).hasSize(n + 2 * crcs);
            assertThat(b[0] & 0xFF).as("length %d", n).isEqualTo(b.length - 1);
            LinkFrame decoded = LinkLayerCodec.decode(b);
            assertThat(decoded.format()).as("length %d", n).isEqualTo(FrameFormat.B);
            assertThat(Arrays.copyOfRange(decoded.frame(), 1, n)).as("length %d", n)
                    .isEqualTo(Arrays.copyOfRange(f, 1, n));
        }
    }

    @Test
    void framesLongerThanTheLFieldCountsAreRefused() {
        assertThatThrownBy(() -> frame(257)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 255 bytes");
        assertThatThrownBy(() -> LinkLayerEncoder.withCrcs(frame(253), FrameFormat.B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format B");
        byte[] wrongL = frame(20);
        wrongL[0] = 7;
        assertThatThrownBy(() -> LinkLayerEncoder.withCrcs(wrongL, FrameFormat.A))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("L-field 7");
    }
}
