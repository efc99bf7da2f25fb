package org.openamr.wmbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.TruncatedException;
import org.openamr.wmbus.CrcException;
import org.openamr.wmbus.Hex;

class LinkLayerCodecTest {

    /** A short-header telegram of 46 bytes without CRCs (m-bus-parser vector 3, WEP room sensor). */
    static final byte[] PLAIN = Hex.bytes("2E44B05C82340100021B7A460000002F2F0A6601020AFB1A570602FD971D00002F2F2F2F2F2F2F"
            + "2F2F2F2F2F2F2F2F");

    static byte[] formatA(byte[] frame) {
        return LinkLayerEncoder.withCrcs(frame, FrameFormat.A);
    }

    @Test
    void telegramWithoutCrcsIsTakenAsItIs() throws Exception {
        LinkFrame f = LinkLayerCodec.decode(PLAIN);
        assertThat(f.format()).isEqualTo(FrameFormat.NO_CRC);
        assertThat(f.frame()).isEqualTo(PLAIN);
        assertThat(f.trailer()).isEmpty();
    }

    @Test
    void formatAIsRecognisedAndItsCrcsRemoved() throws Exception {
        byte[] a = formatA(PLAIN);
        assertThat(a).hasSize(PLAIN.length + 2 * 4);
        LinkFrame f = LinkLayerCodec.decode(a);
        assertThat(f.format()).isEqualTo(FrameFormat.A);
        assertThat(f.frame()).isEqualTo(PLAIN);
        // byte 10 (the CI field) follows the first CRC; byte 26 follows the second.
        assertThat(f.inputOffset(10)).isEqualTo(12);
        assertThat(f.inputOffset(26)).isEqualTo(30);
    }

    @Test
    void aDamagedBlockOfFormatAIsACrcErrorAtThatBlock() {
        byte[] a = formatA(PLAIN);
        a[31] ^= 0x01; // inside the third block (input bytes 30..45, its CRC at 46)
        assertThatThrownBy(() -> LinkLayerCodec.decode(a)).isInstanceOf(CrcException.class)
                .hasMessageContaining("block at byte 30").extracting(e -> ((CrcException) e).offset()).isEqualTo(46);
    }

    @Test
    void formatBWithItsCrcAtTheEnd() throws Exception {
        byte[] b = Hex.bytes("1444AE0C7856341201078C2027780B134365877AC5");
        LinkFrame f = LinkLayerCodec.decode(b);
        assertThat(f.format()).isEqualTo(FrameFormat.B);
        assertThat(f.frame()).isEqualTo(Arrays.copyOf(b, b.length - 2));
    }

    @Test
    void formatBWithAThirdBlock() throws Exception {
        // 140 data bytes: block 1+2 (126) CRC, block 3 (14) CRC; L counts the 4 CRC bytes.
        byte[] data = new byte[140];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        data[0] = (byte) (data.length + 4 - 1);
        byte[] in = new byte[144];
        System.arraycopy(data, 0, in, 0, 126);
        int c1 = Crc16.compute(data, 0, 126);
        in[126] = (byte) (c1 >> 8);
        in[127] = (byte) c1;
        System.arraycopy(data, 126, in, 128, 14);
        int c2 = Crc16.compute(data, 126, 14);
        in[142] = (byte) (c2 >> 8);
        in[143] = (byte) c2;
        LinkFrame f = LinkLayerCodec.decode(in);
        assertThat(f.format()).isEqualTo(FrameFormat.B);
        assertThat(f.frame()).isEqualTo(data);
        assertThat(f.inputOffset(130)).isEqualTo(132);
    }

    @Test
    void bytesAfterTheFrameAreItsTrailer() throws Exception {
        byte[] in = Arrays.copyOf(PLAIN, PLAIN.length + 2);
        in[in.length - 2] = (byte) 0xC5; // an RSSI byte as some receivers append it
        LinkFrame f = LinkLayerCodec.decode(in);
        assertThat(f.format()).isEqualTo(FrameFormat.NO_CRC);
        assertThat(f.frame()).isEqualTo(PLAIN);
        assertThat(f.trailer()).containsExactly(0xC5, 0x00);
    }

    @Test
    void shorterThanTheLFieldIsTruncated() {
        byte[] in = Arrays.copyOf(PLAIN, 30);
        assertThatThrownBy(() -> LinkLayerCodec.decode(in)).isInstanceOf(TruncatedException.class)
                .hasMessageContaining("announces 47 bytes, the input has 30");
        assertThatThrownBy(() -> LinkLayerCodec.decode(Hex.bytes("0944AE0C78563412"))).isInstanceOf(
                TruncatedException.class);
    }
}
