package org.openamr.wmbus.security;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openamr.wmbus.keys.AesKey;

/**
 * AES-128 as wireless M-Bus uses it, on the JDK's provider: CBC and CTR decryption in place and
 * AES-CMAC (RFC 4493, NIST SP 800-38B), which the JDK does not offer as a {@code Mac}. Cipher
 * objects are kept per thread because looking them up costs more than decrypting a telegram.
 */
public final class Aes {

    private static final int BLOCK = 16;
    private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(() -> cipher("AES/CBC/NoPadding"));
    private static final ThreadLocal<Cipher> CTR = ThreadLocal.withInitial(() -> cipher("AES/CTR/NoPadding"));
    private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(() -> cipher("AES/ECB/NoPadding"));

    private Aes() {
    }

    /** Decrypts {@code len} bytes (a multiple of 16) of {@code data} from {@code off} in place, AES-CBC. */
    public static void cbcDecrypt(AesKey key, byte[] iv, byte[] data, int off, int len) {
        run(CBC.get(), Cipher.DECRYPT_MODE, key.bytes(), iv, data, off, len);
    }

    /** Encrypts in place, AES-CBC; for tests and benchmarks that build telegrams. */
    public static void cbcEncrypt(AesKey key, byte[] iv, byte[] data, int off, int len) {
        run(CBC.get(), Cipher.ENCRYPT_MODE, key.bytes(), iv, data, off, len);
    }

    /** AES-CTR over {@code len} bytes in place (the same operation encrypts and decrypts). */
    public static void ctr(AesKey key, byte[] initialCounter, byte[] data, int off, int len) {
        run(CTR.get(), Cipher.ENCRYPT_MODE, key.bytes(), initialCounter, data, off, len);
    }

    /** AES-CMAC of {@code message}: the full 16-byte tag (callers truncate). */
    public static byte[] cmac(byte[] key, byte[] message) {
        try {
            Cipher ecb = ECB.get();
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] l = ecb.doFinal(new byte[BLOCK]);
            byte[] k1 = doubled(l);
            byte[] k2 = doubled(k1);
            int blocks = Math.max(1, (message.length + BLOCK - 1) / BLOCK);
            boolean complete = message.length > 0 && message.length % BLOCK == 0;
            byte[] last = new byte[BLOCK];
            int lastStart = (blocks - 1) * BLOCK;
            int lastLen = message.length - lastStart;
            System.arraycopy(message, lastStart, last, 0, lastLen);
            if (!complete) {
                last[lastLen] = (byte) 0x80;
            }
            xor(last, complete ? k1 : k2);
            byte[] x = new byte[BLOCK];
            for (int b = 0; b < blocks - 1; b++) {
                for (int i = 0; i < BLOCK; i++) {
                    x[i] ^= message[b * BLOCK + i];
                }
                x = ecb.doFinal(x);
            }
            xor(x, last);
            return ecb.doFinal(x);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 is part of every Java runtime", e);
        }
    }

    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            out[i] = (byte) ((in[i] << 1) | (i + 1 < BLOCK ? (in[i + 1] & 0xFF) >>> 7 : 0));
        }
        if ((in[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) 0x87;
        }
        return out;
    }

    private static void xor(byte[] into, byte[] with) {
        for (int i = 0; i < into.length; i++) {
            into[i] ^= with[i];
        }
    }

    private static void run(Cipher c, int mode, byte[] key, byte[] iv, byte[] data, int off, int len) {
        try {
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            c.doFinal(data, off, len, data, off);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128 " + c.getAlgorithm() + " failed on " + len + " bytes", e);
        }
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " is part of every Java runtime", e);
        }
    }
}
