package org.openamr.wmbus.keys;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openamr.wmbus.MeterAddress;

/**
 * The keys a decoder may use, immutable: one key per meter (manufacturer and identification
 * number), optionally one key for whatever meter sent the telegram at hand (a key given on the
 * command line with one telegram), and default keys of manufacturers that published them.
 *
 * <p>An explicit key (per meter or for any meter) is the only candidate when present: a telegram
 * that does not decrypt with it is a {@code wrong-key} error even if a default would fit, so that
 * the user learns the key is wrong. Defaults are tried only when no explicit key applies.
 */
public final class KeyStore {

    /**
     * Diehl Metering's published default AES key for OMS telegrams of meters left unconfigured (its
     * two 8-byte halves are equal), used by Diehl brands and the Danfoss Sonometers built by Diehl.
     */
    private static final AesKey DIEHL_OMS_DEFAULT = AesKey.parse("51728910E66D83F851728910E66D83F8");
    private static final List<String> DIEHL_BRANDS = List.of("DME", "EWT", "HYD", "SAP", "SPL", "DFS");

    private final Map<String, AesKey> meters;
    private final Map<String, List<AesKey>> defaults;
    private final AesKey anyMeter;

    private KeyStore(Map<String, AesKey> meters, Map<String, List<AesKey>> defaults, AesKey anyMeter) {
        this.meters = Map.copyOf(meters);
        this.defaults = Map.copyOf(defaults);
        this.anyMeter = anyMeter;
    }

    public static KeyStore empty() {
        return new KeyStore(Map.of(), Map.of(), null);
    }

    /** The manufacturers' published default keys, and nothing else. */
    public static KeyStore publicDefaults() {
        Map<String, List<AesKey>> d = new HashMap<>();
        for (String brand : DIEHL_BRANDS) {
            d.put(brand, List.of(DIEHL_OMS_DEFAULT));
        }
        return new KeyStore(Map.of(), d, null);
    }

    /** This store plus the key of one meter. */
    public KeyStore withMeterKey(String manufacturer, String id, AesKey key) {
        Map<String, AesKey> m = new HashMap<>(meters);
        m.put(meterKey(manufacturer, id), key);
        return new KeyStore(m, defaults, anyMeter);
    }

    /** This store plus a key that applies to any meter for which no per-meter key is stored. */
    public KeyStore withKeyForAnyMeter(AesKey key) {
        return new KeyStore(meters, defaults, key);
    }

    /** This store plus a default key of a manufacturer (three letters). */
    public KeyStore withManufacturerDefault(String manufacturer, AesKey key) {
        Map<String, List<AesKey>> d = new HashMap<>(defaults);
        List<AesKey> list = new ArrayList<>(d.getOrDefault(manufacturer.toUpperCase(Locale.ROOT), List.of()));
        list.add(key);
        d.put(manufacturer.toUpperCase(Locale.ROOT), List.copyOf(list));
        return new KeyStore(meters, d, anyMeter);
    }

    /**
     * The keys to try for a telegram whose payload belongs to {@code addresses} (the transport
     * layer's address first, then the link layer's, which differ behind a radio converter).
     */
    public Candidates keysFor(MeterAddress... addresses) {
        for (MeterAddress a : addresses) {
            if (a != null) {
                AesKey k = meters.get(meterKey(a.manufacturerLetters(), a.id()));
                if (k != null) {
                    return new Candidates(List.of(k), true);
                }
            }
        }
        if (anyMeter != null) {
            return new Candidates(List.of(anyMeter), true);
        }
        List<AesKey> found = new ArrayList<>();
        for (MeterAddress a : addresses) {
            if (a != null) {
                for (AesKey k : defaults.getOrDefault(a.manufacturerLetters(), List.of())) {
                    if (!found.contains(k)) {
                        found.add(k);
                    }
                }
            }
        }
        return new Candidates(List.copyOf(found), false);
    }

    private static String meterKey(String manufacturer, String id) {
        return manufacturer.toUpperCase(Locale.ROOT) + ":" + id.toUpperCase(Locale.ROOT);
    }

    /**
     * Keys to try, in order.
     *
     * @param explicit true when the keys were given for this meter (or for any meter), false when
     *                 they are manufacturer defaults: decides between {@code wrong-key} and
     *                 {@code missing-key} when none fits
     */
    public record Candidates(List<AesKey> keys, boolean explicit) {
        public boolean isEmpty() {
            return keys.isEmpty();
        }
    }

    @Override
    public String toString() {
        return "KeyStore[" + meters.size() + " meter keys, defaults for " + defaults.keySet() + (anyMeter != null
                ? ", a key for any meter" : "") + "]";
    }
}
