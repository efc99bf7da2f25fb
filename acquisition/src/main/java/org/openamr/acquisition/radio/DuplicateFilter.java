package org.openamr.acquisition.radio;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openamr.wmbus.receiver.TelegramIdentity;

/**
 * Lets each telegram through once: the same telegram ({@link TelegramIdentity}: same sender, same
 * bytes, whether with CRCs or not and whether relayed by a repeater) heard again within the window
 * — by a second receiver, through a repeater, or as rtl_wmbus's second decoding of one frame — is a
 * duplicate. Time is the telegrams' received-at, not the wall clock, so a replay deduplicates as
 * the live reception did. Memory holds the telegrams of one window. Not thread-safe.
 */
public final class DuplicateFilter {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
    /** A bound for a pathological flood; a real site hears far fewer telegrams in a window. */
    private static final int MAX_REMEMBERED = 200_000;

    private final Duration window;
    private final Map<TelegramIdentity, Instant> seen = new LinkedHashMap<>();
    private Instant latest = Instant.MIN;
    private long dropped;

    public DuplicateFilter(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the duplicate window must not be negative");
        }
        this.window = window;
    }

    /** True when {@code h} repeats a telegram let through within the window (and counts it). */
    public boolean isDuplicate(HeardTelegram h) {
        Instant at = h.receivedAt();
        if (at.isAfter(latest)) {
            latest = at;
            forgetOlderThan(latest.minus(window));
        }
        TelegramIdentity id = TelegramIdentity.of(h.telegram());
        Instant first = seen.get(id);
        if (first != null && Duration.between(first, at).abs().compareTo(window) <= 0) {
            dropped++;
            return true;
        }
        seen.remove(id);
        seen.put(id, at);
        if (seen.size() > MAX_REMEMBERED) {
            Iterator<?> it = seen.keySet().iterator();
            it.next();
            it.remove();
        }
        return false;
    }

    /** Duplicates dropped so far. */
    public long dropped() {
        return dropped;
    }

    private void forgetOlderThan(Instant limit) {
        Iterator<Instant> it = seen.values().iterator();
        while (it.hasNext()) {
            if (it.next().isBefore(limit)) {
                it.remove();
            } else {
                // Entries are in the order let through, nearly the order of time: stop at the first recent one.
                return;
            }
        }
    }
}
