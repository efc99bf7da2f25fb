package org.openamr.simulator.model;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic hashing for everything the simulator "randomly" decides. SplitMix64's finaliser is
 * used rather than {@link java.util.Random} or {@link java.util.SplittableRandom} because their
 * algorithms are not part of the Java specification: two simulators with the same seed must agree
 * on every JVM, in every version.
 */
public final class Hash {

    private Hash() {
    }

    /** SplitMix64 finaliser: a bijection of 64-bit values with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A hash of several values, order sensitive. */
    public static long of(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            h = mix(h + p * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        }
        return h;
    }

    /** 64-bit FNV-1a of the text's UTF-8 bytes, then mixed: a stable identity hash (String.hashCode is 32 bits). */
    public static long of(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** A value in [lo, hi] taken from hash {@code h}. */
    public static int between(long h, int lo, int hi) {
        return lo + (int) Long.remainderUnsigned(h, (long) hi - lo + 1);
    }
}
