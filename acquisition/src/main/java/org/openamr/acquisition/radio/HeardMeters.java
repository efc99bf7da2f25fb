package org.openamr.acquisition.radio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.DecodeException;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MacException;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.Payload;
import org.openamr.wmbus.WirelessTelegram;
import org.openamr.wmbus.WrongKeyException;
import org.openamr.wmbus.link.DataLinkHeader;

/**
 * The meters heard so far (discovery): one entry per meter with its counts, times, last signal
 * strength and whether it can be read. Thread-safe.
 */
public final class HeardMeters {

    private final Map<String, HeardMeter> meters = new LinkedHashMap<>();

    /** A telegram that decoded, completely or up to a missing key. */
    public synchronized void heard(HeardTelegram h, WirelessTelegram t) {
        update(h, t.meter(), readability(t));
    }

    /**
     * A telegram that did not decode. Only a wrong key or a failed MAC still names its sender
     * reliably (the frame's CRCs were right); other failures are not counted as a meter.
     */
    public synchronized void failed(HeardTelegram h, DecodeException e) {
        if (!(e instanceof WrongKeyException || e instanceof MacException)) {
            return;
        }
        byte[] b = h.telegram();
        if (b.length < 10) {
            return;
        }
        DataLinkHeader d = DataLinkHeader.decode(b);
        update(h, new MeterAddress(d.manufacturer(), d.id(), d.version(), d.deviceType()), HeardMeter.Readability.WRONG_KEY);
    }

    /** The meters, by manufacturer and identification number. */
    public synchronized List<HeardMeter> list() {
        List<HeardMeter> l = new ArrayList<>(meters.values());
        l.sort(Comparator.comparing((HeardMeter m) -> m.meter().manufacturerLetters()).thenComparing(m -> m.meter().id())
                .thenComparingInt(m -> m.meter().version()).thenComparingInt(m -> m.meter().deviceType()));
        return l;
    }

    private void update(HeardTelegram h, MeterAddress a, HeardMeter.Readability r) {
        String key = a.manufacturerLetters() + ":" + a.id() + ":" + a.version() + ":" + a.deviceType();
        HeardMeter old = meters.get(key);
        meters.put(key, new HeardMeter(a, old == null ? 1 : old.telegrams() + 1,
                old == null || h.receivedAt().isBefore(old.firstSeen()) ? h.receivedAt() : old.firstSeen(),
                old == null || h.receivedAt().isAfter(old.lastSeen()) ? h.receivedAt() : old.lastSeen(),
                h.rssiDbm().isPresent() || old == null ? h.rssiDbm() : old.lastRssiDbm(),
                h.mode().isPresent() || old == null ? h.mode() : old.lastMode(), r));
    }

    private static HeardMeter.Readability readability(WirelessTelegram t) {
        if (t.payload() instanceof Payload.Undecoded u) {
            return u.reason().kind().equals("missing-key") ? HeardMeter.Readability.MISSING_KEY
                    : HeardMeter.Readability.NOT_DECODED;
        }
        Optional<Decryption> keyed = t.decryptions().stream()
                .filter(d -> d.keySource() != Decryption.KeySource.ALREADY_DECRYPTED).findFirst();
        if (keyed.isPresent()) {
            return keyed.get().keySource() == Decryption.KeySource.METER ? HeardMeter.Readability.DECRYPTED
                    : HeardMeter.Readability.DEFAULT_KEY;
        }
        return t.decryptions().isEmpty() ? HeardMeter.Readability.PLAIN : HeardMeter.Readability.DECRYPTED;
    }
}
