package org.openamr.wmbus.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.record.RecordSet;
import org.openamr.wmbus.FormatCache;
import org.openamr.wmbus.WirelessCodec;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkLayerEncoder;

/**
 * Coverage-guided fuzzing of the wireless decoder with Jazzer. In the normal suite each target
 * replays its seed corpus (src/test/resources/.../WirelessFuzzTestInputs: the public vectors); with
 * {@code JAZZER_FUZZ=1} it fuzzes for the given time. Any input must yield a telegram or a
 * {@link DecodeException}: another exception, a hang or unbounded memory is a finding.
 */
class WirelessFuzzTest {

    /** The key of jMBus's and OMS's test telegrams, so that decryption and MAC paths are reached. */
    private static final AesKey KEY = AesKey.parse("000102030405060708090A0B0C0D0E0F");
    private static final KeyStore WITH_KEY = KeyStore.publicDefaults().withKeyForAnyMeter(KEY);
    private static final KeyStore DEFAULTS = KeyStore.publicDefaults();
    /** Shared across inputs, as in a receiver, so that compact frames meet learned layouts. */
    private static final FormatCache FORMATS = new FormatCache(1000);

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] input) {
        decodeCleanly(input, input.length > 0 && (input[input.length - 1] & 1) == 0 ? WITH_KEY : DEFAULTS);
    }

    /**
     * A sound link layer (L-field matching, a known manufacturer and version, SND-NR) around a fuzzed CI and
     * body, with format A CRCs half of the time, so that every input reaches the layers above.
     */
    @FuzzTest(maxDuration = "10m")
    void anyBody(FuzzedDataProvider data) {
        boolean withKey = data.consumeBoolean();
        boolean formatA = data.consumeBoolean();
        int manufacturer = data.pickValue(new int[] {0x10D3, 0x2C2D, 0x1593, 0x11A5, 0x3033, 0x0601,
            data.consumeInt(0, 0xFFFF)});
        int version = data.pickValue(new int[] {0x01, 0x05, 0x2F, data.consumeInt(0, 255)});
        int ci = data.pickValue(new int[] {0x7A, 0x72, 0x78, 0x79, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x70, 0x71, 0xA2,
            data.consumeInt(0, 255)});
        byte[] body = data.consumeRemainingAsBytes();
        int n = Math.min(body.length, 244);
        byte[] f = new byte[11 + n];
        f[0] = (byte) (f.length - 1);
        f[1] = 0x44;
        f[2] = (byte) manufacturer;
        f[3] = (byte) (manufacturer >> 8);
        f[4] = 0x78;
        f[5] = 0x56;
        f[6] = 0x34;
        f[7] = 0x12;
        f[8] = (byte) version;
        f[9] = 0x07;
        f[10] = (byte) ci;
        System.arraycopy(body, 0, f, 11, n);
        decodeCleanly(formatA ? LinkLayerEncoder.withCrcs(f, FrameFormat.A) : f, withKey ? WITH_KEY : DEFAULTS);
    }

    static void decodeCleanly(byte[] input, KeyStore keys) {
        try {
            WirelessTelegram t = WirelessCodec.decode(input, keys, FORMATS);
            FORMATS.learn(t);
            RecordSet r = t.records();
            if (r != null) {
                // A compact frame expands to at most its layout; a frame's own records take two bytes each.
                assertThat(r.records().size()).isLessThanOrEqualTo(Math.max(input.length / 2, 256));
                r.records().forEach(rec -> rec.value().text());
            }
            assertThat(t.link()).isNotNull();
            assertThat(t.payload()).isNotNull();
        } catch (DecodeException e) {
            assertThat(e.kind()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.offset()).isBetween(-1, input.length);
        }
    }
}
