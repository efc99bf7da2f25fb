package org.openamr.wmbus.security;

import java.util.Arrays;
import org.openamr.wmbus.keys.AesKey;

/**
 * Encrypts the transport layer's records as a meter does, the inverse of {@link SecurityModes},
 * with its IV, key derivation and MAC:
 *
 * <pre>
 * mode 5: C = AES-CBC(K, IV = M(2) A(6) ACC × 8, P)
 * mode 7: C = AES-CBC(Kenc, IV = 0, P);  AFL.MAC = CMAC(Kmac, MCL ‖ MCR ‖ the transport layer with C)[0..n)
 * </pre>
 *
 * P is the plain payload, 2F 2F first and a whole number of 16-byte blocks. Pure functions: the
 * inputs are not modified.
 */
public final class SecurityEncoder {

    private static final int BLOCK = 16;

    private SecurityEncoder() {
    }

    /**
     * @param field M and A fields of the meter (8 bytes), as they go into the IV
     */
    public static byte[] mode5(AesKey key, byte[] field, int accessNumber, byte[] plain) {
        byte[] c = blocks(plain);
        Aes.cbcEncrypt(key, SecurityModes.mode5Iv(field, accessNumber), c, 0, c.length);
        return c;
    }

    /**
     * @param counter the AFL message counter as sent (4 bytes, least significant first)
     * @param id      the meter's id bytes as sent (4)
     */
    public static byte[] mode7(AesKey key, byte[] counter, byte[] id, byte[] plain) {
        byte[] c = blocks(plain);
        Aes.cbcEncrypt(SecurityModes.mode7EncryptionKey(key.bytes(), counter, id), new byte[BLOCK], c, 0, c.length);
        return c;
    }

    /**
     * The first {@code length} bytes of the mode-7 MAC over {@code transportLayer} (from its CI field
     * to the end of the telegram, encrypted), for an AFL without a message length field.
     */
    public static byte[] mode7Mac(AesKey key, byte[] counter, byte[] id, int messageControl, byte[] transportLayer,
            int length) {
        return Arrays.copyOf(SecurityModes.mode7Mac(key.bytes(), counter, id, messageControl, -1, transportLayer, 0),
                length);
    }

    private static byte[] blocks(byte[] plain) {
        if (plain.length == 0 || plain.length % BLOCK != 0) {
            throw new IllegalArgumentException("AES-CBC encrypts whole 16-byte blocks; the payload has " + plain.length
                    + " bytes");
        }
        return plain.clone();
    }
}
