package org.openamr.wmbus;

import org.openamr.mbus.DecodeException;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;

/**
 * A wireless decoder for a stream of telegrams: {@link WirelessCodec} with a key store and a
 * {@link FormatCache} that learns the layout of every full frame, so that compact frames of the
 * same meter decode afterwards. Thread-safe.
 */
public final class WirelessDecoder {

    private final KeyStore keys;
    private final FormatCache formats;

    public WirelessDecoder(KeyStore keys) {
        this(keys, new FormatCache());
    }

    public WirelessDecoder(KeyStore keys, FormatCache formats) {
        this.keys = keys;
        this.formats = formats;
    }

    public WirelessTelegram decode(byte[] input) throws DecodeException {
        return learned(WirelessCodec.decode(input, keys, formats));
    }

    /** Decodes with {@code key} as the key of whatever meter sent the telegram (null: the store alone). */
    public WirelessTelegram decode(byte[] input, AesKey key) throws DecodeException {
        KeyStore k = key == null ? keys : keys.withKeyForAnyMeter(key);
        return learned(WirelessCodec.decode(input, k, formats));
    }

    public FormatCache formats() {
        return formats;
    }

    private WirelessTelegram learned(WirelessTelegram t) {
        formats.learn(t);
        return t;
    }
}
