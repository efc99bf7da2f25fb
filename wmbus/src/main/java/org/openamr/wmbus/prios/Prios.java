package org.openamr.wmbus.prios;

import java.util.List;

/**
 * The PRIOS scrambling of Diehl real-data frames (see {@link DiehlRealData}), a 32-bit LFSR:
 *
 * <ol>
 * <li>key: 8 bytes folded to 32 bits, big-endian u32 of bytes 0–3 XOR big-endian u32 of bytes 4–7;</li>
 * <li>initial state: key XOR u32(original bytes 2–5) XOR u32(original bytes 6–9) XOR u32(bytes 10–13:
 *     CI, ACC, STS, CFG0), all big-endian, "original" meaning the address as received;</li>
 * <li>per payload byte from offset 15: clock the register eight times, each time
 *     {@code state = state << 1 | (s1 ^ s2 ^ s11 ^ s31)}, then plain = byte XOR (state & 0xFF);</li>
 * <li>check: (sum of the plain bytes) & 0xEF must equal CFG1 & 0xEF.</li>
 * </ol>
 *
 * The check has 7 bits: a wrong key passes it about once in 128 telegrams, which is why the
 * records must also decode before the result is trusted (done by the caller). PRIOS is obfuscation,
 * not encryption.
 */
public final class Prios {

    /** Diehl's two published default keys (IZAR/PRIOS, and the one the Danfoss Sonometers use). */
    public static final List<Long> DEFAULT_KEYS = List.of(fold(0x39BC8A10E66D83F8L), fold(0x51728910E66D83F8L));

    private Prios() {
    }

    /** Folds an 8-byte key, given big-endian as a long, to the 32-bit LFSR key. */
    public static long fold(long key) {
        return ((key >>> 32) ^ key) & 0xFFFFFFFFL;
    }

    /** Folds the first 8 bytes of a key (a PRIOS key given as an AES key has it in its first half). */
    public static long fold(byte[] key) {
        return (u32(key, 0) ^ u32(key, 4)) & 0xFFFFFFFFL;
    }

    /**
     * The plain payload of a real-data frame, or null when the check fails.
     *
     * @param original the frame as received (address in Diehl's order), without CRCs
     */
    public static byte[] descramble(byte[] original, long key) {
        if (original.length < DiehlRealData.PAYLOAD) {
            return null;
        }
        long state = (key ^ u32(original, 2) ^ u32(original, 6) ^ u32(original, 10)) & 0xFFFFFFFFL;
        byte[] plain = new byte[original.length - DiehlRealData.PAYLOAD];
        int sum = 0;
        for (int i = 0; i < plain.length; i++) {
            for (int j = 0; j < 8; j++) {
                long bit = ((state >>> 1) ^ (state >>> 2) ^ (state >>> 11) ^ (state >>> 31)) & 1;
                state = ((state << 1) | bit) & 0xFFFFFFFFL;
            }
            plain[i] = (byte) (original[DiehlRealData.PAYLOAD + i] ^ state);
            sum += plain[i] & 0xFF;
        }
        return (sum & 0xEF) == (original[14] & 0xEF) ? plain : null;
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) << 24 | (b[off + 1] & 0xFFL) << 16 | (b[off + 2] & 0xFFL) << 8 | (b[off + 3] & 0xFFL);
    }
}
