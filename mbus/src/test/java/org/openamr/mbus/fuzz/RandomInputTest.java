package org.openamr.mbus.fuzz;

import org.junit.jupiter.api.Test;
import org.openamr.mbus.PropertyRuns;
import org.openamr.mbus.TestBytes;

/**
 * The fuzz property with plain random inputs, so that the normal suite also tries new inputs on
 * every run (Jazzer's regression mode replays only its corpus). Raise with -Dproperty.tries=N.
 */
class RandomInputTest {

    private static final int[] CI_FIELDS = {0x72, 0x76, 0x78, 0x7A, 0x73, 0x77, 0x70, 0x71, 0x50, 0x51, 0x52, 0xBB};

    @Test
    void randomBytesDecodeOrFailCleanly() {
        PropertyRuns.check("random bytes", r -> DecoderFuzzTest.decodeCleanly(PropertyRuns.bytes(r, 270)));
    }

    @Test
    void randomApplicationDataInValidFramesDecodesOrFailsCleanly() {
        PropertyRuns.check("random application data", r -> {
            byte[] payload = PropertyRuns.bytes(r, 252);
            if (r.nextBoolean() && payload.length > 12) {
                payload[10] = 0; // a plain (unencrypted) configuration field reaches the records more often
                payload[11] = 0;
            }
            int ci = CI_FIELDS[r.nextInt(CI_FIELDS.length)];
            DecoderFuzzTest.decodeCleanly(TestBytes.longFrame(0x08, r.nextInt(251), ci, TestBytes.hex(payload)));
        });
    }
}
