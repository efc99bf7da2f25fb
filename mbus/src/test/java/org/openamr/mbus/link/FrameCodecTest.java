package org.openamr.mbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openamr.mbus.TestBytes.hex;

import org.junit.jupiter.api.Test;
import org.openamr.mbus.ChecksumException;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.FramingException;
import org.openamr.mbus.TestBytes;
import org.openamr.mbus.TruncatedException;

class FrameCodecTest {

    @Test
    void decodesEveryFrameKind() throws DecodeException {
        assertThat(FrameCodec.decode(hex("E5"))).isEqualTo(AckFrame.INSTANCE);
        assertThat(FrameCodec.decode(hex("10 7B 05 80 16"))).isEqualTo(new ShortFrame(0x7B, 5));
        assertThat(FrameCodec.decode(hex("68 03 03 68 53 FE 50 A1 16"))).isEqualTo(new ControlFrame(0x53, 0xFE, 0x50));
        assertThat(FrameCodec.decode(hex("68 04 04 68 08 01 70 01 7A 16")))
                .isEqualTo(new LongFrame(0x08, 1, 0x70, new byte[] {1}));
    }

    @Test
    void encodesWhatItDecodes() throws DecodeException {
        for (byte[] bytes : new byte[][] {hex("E5"), hex("10 40 FD 3D 16"), hex("68 03 03 68 73 FD 52 C2 16"),
                TestBytes.longFrame(0x73, 0xFD, 0x52, "78 56 34 12 FF FF FF FF")}) {
            assertThat(FrameCodec.encode(FrameCodec.decode(bytes))).as(TestBytes.hex(bytes)).isEqualTo(bytes);
        }
    }

    @Test
    void wrongChecksumNamesItsOffset() {
        assertThatThrownBy(() -> FrameCodec.decode(hex("10 7B 05 81 16")))
                .isInstanceOf(ChecksumException.class)
                .hasMessageContaining("checksum is 81")
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(3);
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04 04 68 08 01 70 01 7B 16")))
                .isInstanceOf(ChecksumException.class)
                .extracting(e -> ((DecodeException) e).offset()).isEqualTo(8);
    }

    @Test
    void shortInputIsTruncatedNotChecksum() {
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04 04 68 08 01 70")))
                .isInstanceOf(TruncatedException.class)
                .hasMessageContaining("announces 10 bytes");
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04")))
                .isInstanceOf(TruncatedException.class);
        assertThatThrownBy(() -> FrameCodec.decode(new byte[0])).isInstanceOf(TruncatedException.class);
    }

    @Test
    void badFramingCharactersAreReported() {
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04 05 68 08 01 70 01 7A 16")))
                .isInstanceOf(FramingException.class).hasMessageContaining("length bytes differ");
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04 04 69 08 01 70 01 7A 16")))
                .isInstanceOf(FramingException.class).hasMessageContaining("second start");
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 04 04 68 08 01 70 01 7A 17")))
                .isInstanceOf(FramingException.class).hasMessageContaining("stop character is 17");
        assertThatThrownBy(() -> FrameCodec.decode(hex("68 02 02 68 08 01 09 16")))
                .isInstanceOf(FramingException.class).hasMessageContaining("below 3");
        assertThatThrownBy(() -> FrameCodec.decode(hex("E5 E5")))
                .isInstanceOf(FramingException.class).hasMessageContaining("1 unexpected bytes");
        assertThatThrownBy(() -> FrameCodec.decode(hex("AA")))
                .isInstanceOf(FramingException.class).hasMessageContaining("AA is not a frame start");
    }

    @Test
    void longestFrameRoundTrips() throws DecodeException {
        LongFrame f = new LongFrame(0x08, 250, 0x72, new byte[LongFrame.MAX_DATA_LENGTH]);
        byte[] bytes = FrameCodec.encode(f);
        assertThat(bytes).hasSize(FrameCodec.MAX_FRAME_LENGTH);
        assertThat(FrameCodec.decode(bytes)).isEqualTo(f);
    }
}
