package org.openamr.wmbus.keys;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An AES-128 key. Its bytes never appear in {@link #toString()}, in exceptions or in logs: a
 * printed key is a leaked key.
 */
public final class AesKey {

    public static final int LENGTH = 16;

    private final byte[] bytes;

    private AesKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static AesKey of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("an AES-128 key has 16 bytes, got " + bytes.length);
        }
        return new AesKey(bytes.clone());
    }

    /** 32 hex digits. The message of a bad key says what is wrong with it, never what it is. */
    public static AesKey parse(String hex) {
        String t = hex.strip();
        if (t.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a key is 32 hex digits (AES-128), got " + t.length() + " characters");
        }
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("a key is 32 hex digits; character " + i + " is not a hex digit");
            }
        }
        return new AesKey(HexFormat.of().parseHex(t.toLowerCase(Locale.ROOT)));
    }

    /** A copy of the key bytes, for the ciphers. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AesKey k && MessageDigest.isEqual(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AesKey[hidden]";
    }
}
