package org.openamr.wmbus;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openamr.mbus.app.ApplicationMessage;
import org.openamr.wmbus.tpl.CompactFormat;
import org.openamr.wmbus.tpl.FormatLookup;

/**
 * The record layouts of full frames, learned so that later compact frames (CI 0x79) of the same
 * meter can be read. Bounded (least recently used layouts go first) and thread-safe; kept in memory
 * only: after a restart a meter's next full frame teaches it again (they come every few telegrams).
 */
public final class FormatCache implements FormatLookup {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, CompactFormat> formats;

    public FormatCache() {
        this(DEFAULT_CAPACITY);
    }

    public FormatCache(int capacity) {
        this.formats = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompactFormat> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized CompactFormat find(MeterAddress meter, int signature) {
        return formats.get(key(meter, signature));
    }

    /** Remembers the layout of a telegram's records, if it has any. */
    public void learn(WirelessTelegram t) {
        if (t.message() instanceof ApplicationMessage.VariableDataResponse r && r.ci() != 0x79) {
            CompactFormat f = CompactFormat.of(r.data());
            if (f != null) {
                synchronized (this) {
                    formats.put(key(t.linkAddress(), f.signature()), f);
                }
            }
        }
    }

    public synchronized int size() {
        return formats.size();
    }

    private static String key(MeterAddress m, int signature) {
        return m.manufacturer() + ":" + m.id() + ":" + m.version() + ":" + m.deviceType() + ":" + signature;
    }
}
