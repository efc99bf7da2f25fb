package org.openamr.wmbus;

import java.util.List;
import org.openamr.mbus.record.DataRecord;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.tpl.FormatLookup;

/** Shortcuts for tests: decode hex with an optional key, list record values. */
public final class Decoding {

    private Decoding() {
    }

    public static WirelessTelegram decode(String hex) throws Exception {
        return WirelessCodec.decode(Hex.bytes(hex), KeyStore.publicDefaults(), FormatLookup.NONE);
    }

    public static WirelessTelegram decode(String hex, String key) throws Exception {
        return WirelessCodec.decode(Hex.bytes(hex), KeyStore.publicDefaults().withKeyForAnyMeter(AesKey.parse(key)),
                FormatLookup.NONE);
    }

    /** "value unit" of every record, in order. */
    public static List<String> values(WirelessTelegram t) {
        return t.records().records().stream().map(Decoding::value).toList();
    }

    public static String value(DataRecord r) {
        return (r.value().text() + " " + r.unit().symbol()).trim();
    }
}
