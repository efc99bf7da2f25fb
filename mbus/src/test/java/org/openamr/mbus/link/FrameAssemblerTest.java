package org.openamr.mbus.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openamr.mbus.TestBytes.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openamr.mbus.PropertyRuns;
import org.openamr.mbus.TestBytes;

class FrameAssemblerTest {

    private static final byte[] RESPONSE = TestBytes.longFrame(0x08, 1, 0x72,
            "78563412 D310 2F 04 01 00 0000 0C06 07400200");

    @Test
    void findsAFrameAfterNoiseAndCountsTheNoise() {
        FrameAssembler a = new FrameAssembler();
        a.feed(hex("00 FF 68 99 16"));
        a.feed(RESPONSE);
        assertThat(a.next()).contains(decode(RESPONSE));
        assertThat(a.discardedBytes()).isEqualTo(5);
        assertThat(a.next()).isEmpty();
    }

    @Test
    void waitsForTheRestOfASplitFrame() {
        FrameAssembler a = new FrameAssembler();
        a.feed(RESPONSE, 0, 10);
        assertThat(a.next()).isEmpty();
        assertThat(a.pendingBytes()).isEqualTo(10);
        a.feed(RESPONSE, 10, RESPONSE.length - 10);
        assertThat(a.next()).contains(decode(RESPONSE));
        assertThat(a.discardedBytes()).isZero();
    }

    @Test
    void aCorruptedFrameIsSkippedAndTheNextOneFound() {
        byte[] bad = RESPONSE.clone();
        bad[12] ^= 0x01;
        FrameAssembler a = new FrameAssembler();
        a.feed(bad);
        a.feed(hex("E5"));
        assertThat(a.next()).contains(AckFrame.INSTANCE);
        assertThat(a.discardedBytes()).isEqualTo(bad.length);
    }

    @Test
    void anyNoiseBeforeAFrameIsSkipped() {
        PropertyRuns.check("noise before a frame is skipped", r -> {
            byte[] noise = PropertyRuns.bytes(r, 600);
            int chunk = 1 + r.nextInt(64);
            FrameAssembler a = new FrameAssembler();
            byte[] stream = new byte[noise.length + RESPONSE.length];
            System.arraycopy(noise, 0, stream, 0, noise.length);
            System.arraycopy(RESPONSE, 0, stream, noise.length, RESPONSE.length);
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < stream.length; i += chunk) {
                a.feed(stream, i, Math.min(chunk, stream.length - i));
                for (Optional<Frame> f = a.next(); f.isPresent(); f = a.next()) {
                    frames.add(f.get());
                }
            }
            // The line goes quiet after the response: what noise made look like the start of a longer frame is noise.
            frames.addAll(a.atSilence());
            // Noise may by chance hold valid frames (an E5, say); the response must come last.
            assertThat(frames).isNotEmpty();
            assertThat(frames.get(frames.size() - 1)).isEqualTo(decode(RESPONSE));
            assertThat(a.pendingBytes()).isZero();
        });
    }

    @Test
    void aFrameBehindNoiseThatReadsAsALongFramesStartIsFoundWhenTheLineGoesQuiet() {
        FrameAssembler a = new FrameAssembler();
        a.feed(new byte[] {0x68, (byte) 0xFF, (byte) 0xFF, 0x68});
        a.feed(RESPONSE);
        assertThat(a.next()).as("while bytes may still come, 68 FF FF 68 could be a 261-byte frame").isEmpty();
        assertThat(a.atSilence()).containsExactly(decode(RESPONSE));
        assertThat(a.discardedBytes()).isEqualTo(4);
        assertThat(a.pendingBytes()).isZero();
    }

    private static Frame decode(byte[] b) {
        try {
            return FrameCodec.decode(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
