package org.openamr.mbus.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.app.ApplicationMessage;

/**
 * Coverage-guided fuzzing of the wired decoder with Jazzer. In the normal suite each test replays
 * its seed corpus (src/test/resources/.../DecoderFuzzTestInputs); with {@code JAZZER_FUZZ=1} it
 * fuzzes for the given time. Any input must yield a telegram or a {@link DecodeException}: another
 * exception, a hang or unbounded memory is a finding.
 */
class DecoderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyBytes(byte[] input) {
        decodeCleanly(input);
    }

    /** Wraps fuzzed data in a valid long frame so that the application layer is reached every time. */
    @FuzzTest(maxDuration = "10m")
    void anyApplicationData(FuzzedDataProvider data) {
        int control = data.consumeInt(0, 255);
        int ci = data.pickValue(new int[] {0x72, 0x76, 0x78, 0x7A, 0x73, 0x77, 0x70, 0x71, 0x50, 0x51, 0x52, 0xB8,
                data.consumeInt(0, 255)});
        byte[] payload = data.consumeRemainingAsBytes();
        int length = Math.min(payload.length, 252);
        byte[] frame = new byte[length + 9];
        frame[0] = 0x68;
        frame[1] = (byte) (length + 3);
        frame[2] = (byte) (length + 3);
        frame[3] = 0x68;
        frame[4] = (byte) control;
        frame[5] = 1;
        frame[6] = (byte) ci;
        System.arraycopy(payload, 0, frame, 7, length);
        int sum = 0;
        for (int i = 4; i < 7 + length; i++) {
            sum += frame[i];
        }
        frame[7 + length] = (byte) sum;
        frame[8 + length] = 0x16;
        decodeCleanly(frame);
    }

    static void decodeCleanly(byte[] input) {
        try {
            Telegram t = TelegramCodec.decode(input);
            if (t.message() instanceof ApplicationMessage.VariableDataResponse r) {
                // Every record takes at least two bytes (DIF and VIF): a bound on what one frame yields.
                assertThat(r.data().records().size()).isLessThanOrEqualTo(input.length / 2);
                r.data().records().forEach(rec -> rec.value().text());
            }
        } catch (DecodeException e) {
            assertThat(e.kind()).isNotBlank();
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.offset()).isBetween(-1, input.length);
        }
    }
}
