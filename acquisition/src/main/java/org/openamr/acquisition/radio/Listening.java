package org.openamr.acquisition.radio;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.DecodeException;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessDecoder;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * What happens to each reception: telegrams of another mode than asked for are set aside,
 * duplicates dropped, the rest decoded and the meter noted ({@link HeardMeters}); damaged input
 * and decoding failures are counted by kind. One session of listening; thread-safe.
 */
public final class Listening {

    /** What became of one reception. */
    public sealed interface Event {
    }

    /** Decoded; {@link #complete()} false when the payload stayed unreadable (no key, unknown compact layout). */
    public record Decoded(HeardTelegram heard, WirelessTelegram telegram) implements Event {
        public boolean complete() {
            return !(telegram.payload() instanceof Payload.Undecoded);
        }
    }

    /** The telegram could not be decoded (CRC, wrong key, MAC, truncated …). */
    public record Failed(HeardTelegram heard, DecodeException reason) implements Event {
    }

    /** Input that was no telegram. */
    public record Damaged(Reception.Damaged damage) implements Event {
    }

    /** A telegram already delivered within the duplicate window. */
    public record Duplicate(HeardTelegram heard) implements Event {
    }

    /** Heard in another mode than the one asked for. */
    public record OtherMode(HeardTelegram heard) implements Event {
    }

    private final WirelessDecoder decoder;
    private final Optional<LinkMode> mode;
    private final DuplicateFilter duplicates;
    private final HeardMeters meters = new HeardMeters();
    private final Map<String, Long> errors = new HashMap<>();
    private long telegrams;
    private long otherModes;

    /** @param mode only telegrams heard in this mode (or in an unknown mode) are taken */
    public Listening(WirelessDecoder decoder, Optional<LinkMode> mode, Duration duplicateWindow) {
        this.decoder = decoder;
        this.mode = mode;
        this.duplicates = new DuplicateFilter(duplicateWindow);
    }

    public synchronized Event accept(Reception r) {
        if (r instanceof Reception.Damaged d) {
            errors.merge(d.kind(), 1L, Long::sum);
            return new Damaged(d);
        }
        HeardTelegram h = (HeardTelegram) r;
        if (mode.isPresent() && h.mode().isPresent() && h.mode().get() != mode.get()) {
            otherModes++;
            return new OtherMode(h);
        }
        if (duplicates.isDuplicate(h)) {
            return new Duplicate(h);
        }
        telegrams++;
        try {
            WirelessTelegram t = decoder.decode(h.telegram());
            meters.heard(h, t);
            if (t.payload() instanceof Payload.Undecoded u) {
                errors.merge(u.reason().kind(), 1L, Long::sum);
            }
            return new Decoded(h, t);
        } catch (DecodeException e) {
            errors.merge(e.kind(), 1L, Long::sum);
            meters.failed(h, e);
            return new Failed(h, e);
        }
    }

    public synchronized ListenCounts counts() {
        return new ListenCounts(telegrams, duplicates.dropped(), otherModes, errors);
    }

    public HeardMeters meters() {
        return meters;
    }
}
