package org.openamr.simulator.radio;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;

/**
 * A whole simulated period written at once, as fast as the telegrams are made: the replay file
 * ({@link TelegramLineFormat#REPLAY}, with a header comment of the settings), the truth
 * ({@link TruthJsonWriter}) and the keys ({@link RadioKeys}). Any of the three may be left out.
 */
public final class RadioFiles {

    private RadioFiles() {
    }

    /**
     * What was written.
     *
     * @param first null when the period had no telegram
     */
    public record Summary(long telegrams, long mode5, long mode7, Instant first, Instant last) {
    }

    /**
     * @param replay the replay file, or null
     * @param keys   the keys file, or null
     * @param truth  the truth file, or null
     * @throws IllegalArgumentException when the source has no end: it would never finish
     */
    public static Summary write(RadioSource source, Path replay, Path keys, Path truth) throws IOException {
        if (source.settings().period() == null) {
            throw new IllegalArgumentException("files need a period to end; the settings have none");
        }
        if (keys != null) {
            RadioKeys.write(keys, source.meters());
        }
        try (Writer replayOut = open(replay); Writer truthOut = open(truth)) {
            TruthJsonWriter json = truthOut == null ? null
                    : new TruthJsonWriter(truthOut, source.settings(), source.meters());
            if (replayOut != null) {
                for (String h : TelegramLineFormat.REPLAY.header(source.settings())) {
                    replayOut.write(h + "\n");
                }
            }
            long count = 0;
            long mode5 = 0;
            Instant first = null;
            Instant last = null;
            for (Iterator<RadioTelegram> it = source.telegrams(); it.hasNext(); ) {
                RadioTelegram t = it.next();
                if (replayOut != null) {
                    replayOut.write(TelegramLineFormat.REPLAY.line(t) + "\n");
                }
                if (json != null) {
                    json.telegram(t.truth());
                }
                count++;
                mode5 += t.meter().securityMode() == 5 ? 1 : 0;
                first = first == null ? t.at() : first;
                last = t.at();
            }
            if (json != null) {
                json.end();
            }
            return new Summary(count, mode5, count - mode5, first, last);
        }
    }

    private static Writer open(Path file) throws IOException {
        return file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
