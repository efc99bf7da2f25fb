package org.openamr.mbus.golden;

import org.openamr.mbus.TestBytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.Telegram;
import org.openamr.mbus.TelegramCodec;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.app.ApplicationMessage;

/**
 * libmbus's {@code test/error-frames}: damaged frames and frames that are themselves an
 * application error report (CI 0x70). None may make the decoder fail with anything but a
 * {@link DecodeException}; truncated frames must be reported as such, at a byte inside the frame;
 * application errors must come out with their code.
 */
class LibmbusErrorFramesTest {

    private static final Path DIR = Vectors.dir("libmbus/error-frames");

    /**
     * CI 0x70 frames and the code they carry (EN 13757-3, application errors), as libmbus's XML
     * beside each frame names it. {@code error} has no error byte at all: an unspecified error,
     * which we report as code -1. {@code premature_end_of_record} is not a truncated frame
     * despite its name: it is a complete frame reporting error 4, "premature end of record".
     */
    private static final Map<String, Integer> APPLICATION_ERRORS = Map.of(
            "unimplemented_ci", 1,
            "application_busy", 8,
            "error", -1,
            "unspecified_error", 0,
            "buffer_too_long", 2,
            "too_many_records", 3,
            "premature_end_of_record", 4,
            "too_many_difes", 5,
            "too_many_vifes", 6,
            "too_many_readouts", 9);

    static List<String> frames() {
        return Vectors.names(DIR, ".hex");
    }

    /** Frames cut short: named premature_end* or too_short_header*, except the CI 0x70 report above. */
    static List<String> truncatedFrames() {
        return frames().stream()
                .filter(n -> n.startsWith("premature_end") || n.startsWith("too_short_header"))
                .filter(n -> !APPLICATION_ERRORS.containsKey(n))
                .toList();
    }

    static List<String> applicationErrorFrames() {
        return APPLICATION_ERRORS.keySet().stream().sorted().toList();
    }

    @Test
    void theVectorsArePresent() {
        assertThat(frames()).hasSize(20).containsAll(APPLICATION_ERRORS.keySet());
        assertThat(truncatedFrames()).hasSize(7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void decodesOrFailsWithADecodeException(String name) {
        byte[] frame = TestBytes.hex(Vectors.read(DIR.resolve(name + ".hex")));
        Throwable thrown = catchThrowable(() -> TelegramCodec.decode(frame));
        assertThat(thrown).as(name).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(DecodeException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatedFrames")
    void truncatedFramesAreReportedAsTruncated(String name) {
        byte[] frame = TestBytes.hex(Vectors.read(DIR.resolve(name + ".hex")));
        Throwable thrown = catchThrowable(() -> TelegramCodec.decode(frame));
        assertThat(thrown).as(name).isInstanceOfSatisfying(TruncatedException.class,
                e -> assertThat(e.offset()).as("offset of %s in a frame of %d bytes", name, frame.length)
                        .isBetween(0, frame.length - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applicationErrorFrames")
    void applicationErrorsCarryTheirCode(String name) throws DecodeException {
        int code = APPLICATION_ERRORS.get(name);
        Telegram t = TelegramCodec.decode(TestBytes.hex(Vectors.read(DIR.resolve(name + ".hex"))));
        assertThat(t.message()).as(name).isInstanceOfSatisfying(ApplicationMessage.ApplicationError.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void anErrorFrameWithoutErrorByteMeansUnspecified() throws DecodeException {
        Telegram t = TelegramCodec.decode(TestBytes.hex(Vectors.read(DIR.resolve("error.hex"))));
        assertThat(((ApplicationMessage.ApplicationError) t.message()).meaning()).isEqualTo("unspecified error");
    }
}
