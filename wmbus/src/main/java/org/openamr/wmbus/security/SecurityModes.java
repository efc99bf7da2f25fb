package org.openamr.wmbus.security;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.MalformedDataException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MacException;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.MissingKeyException;
import org.openamr.wmbus.WrongKeyException;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;

/**
 * The transport layer's security modes 5 and 7 (EN 13757-7, OMS vol. 2 annex). Both encrypt the
 * first N × 16 bytes after the header with AES-128-CBC; the plain text starts with the check bytes
 * 2F 2F, the only way mode 5 tells a wrong key.
 *
 * <pre>
 * mode 5: key = the meter key; IV = M(2) A(6) ACC×8 (M and A of the long header, else of the link layer)
 * mode 7: Kenc = CMAC(K, 00 ‖ MCR ‖ ID ‖ 07×7), Kmac = CMAC(K, 01 ‖ MCR ‖ ID ‖ 07×7), IV = 0;
 *         MCR is the AFL message counter, ID the meter's id (long header, else link layer), both as sent;
 *         AFL.MAC = first bytes of CMAC(Kmac, MCL ‖ MCR ‖ [ML] ‖ the transport layer from its CI field on)
 * </pre>
 *
 * Every check names itself in its exception; no message carries key material.
 */
public final class SecurityModes {

    private static final int CHECK = 0x2F;

    private SecurityModes() {
    }

    /**
     * Decrypts mode 5 in place.
     *
     * @param field M and A fields, 8 bytes, as they go into the IV
     */
    public static Decryption mode5(byte[] b, int from, int len, byte[] field, int accessNumber,
            KeyStore.Candidates keys, MeterAddress owner) throws DecodeException {
        byte[] iv = mode5Iv(field, accessNumber);
        for (AesKey key : keys.keys()) {
            byte[] attempt = Arrays.copyOfRange(b, from, from + len);
            Aes.cbcDecrypt(key, iv, attempt, 0, len);
            if (checkBytes(attempt)) {
                System.arraycopy(attempt, 0, b, from, len);
                return new Decryption(Decryption.Method.MODE_5_AES_CBC_IV, source(keys), len);
            }
        }
        throw failed(keys, "security mode 5: the decrypted payload does not start with 2F 2F", from, owner);
    }

    /**
     * Checks the AFL MAC and decrypts mode 7 in place.
     *
     * @param tplStart offset of the transport layer's CI field, where the authenticated bytes start
     * @param id       the meter id bytes as sent (4), input of the key derivation
     */
    public static Decryption mode7(byte[] b, int tplStart, int from, int len, Configuration cfg,
            AuthenticationLayer afl, byte[] id, KeyStore.Candidates keys, MeterAddress owner) throws DecodeException {
        if (afl == null || afl.messageCounter() < 0) {
            throw new MalformedDataException("security mode 7 needs the message counter of an AFL (CI 90), which this "
                    + "telegram lacks", tplStart);
        }
        if (cfg.keyDerivation() != 1) {
            throw new UnsupportedException("security mode 7 with key derivation function " + cfg.keyDerivation()
                    + " is not implemented (1, the OMS CMAC derivation, is)", from - 1);
        }
        byte[] counter = afl.counterBytes();
        boolean decryptsButMacFails = false;
        for (AesKey key : keys.keys()) {
            byte[] k = key.bytes();
            byte[] attempt = Arrays.copyOfRange(b, from, from + len);
            Aes.cbcDecrypt(mode7EncryptionKey(k, counter, id), new byte[16], attempt, 0, len);
            boolean plain = checkBytes(attempt);
            boolean macOk = afl.mac().length == 0 || macMatches(k, counter, id, afl, b, tplStart);
            if (plain && macOk) {
                System.arraycopy(attempt, 0, b, from, len);
                return new Decryption(Decryption.Method.MODE_7_AES_CBC_KDF, source(keys), len);
            }
            decryptsButMacFails |= plain;
        }
        if (decryptsButMacFails) {
            throw new MacException("security mode 7: the key decrypts the payload (2F 2F), but the AFL MAC does not "
                    + "match: the telegram was altered or its MAC is computed differently", tplStart);
        }
        throw failed(keys, "security mode 7: " + (afl.mac().length > 0 ? "the AFL MAC check failed and " : "")
                + "the decrypted payload does not start with 2F 2F", from, owner);
    }

    private static boolean macMatches(byte[] key, byte[] counter, byte[] id, AuthenticationLayer afl, byte[] b,
            int tplStart) {
        byte[] mac = mode7Mac(key, counter, id, afl.messageControl(), afl.messageLength(), b, tplStart);
        byte[] sent = afl.mac();
        return MessageDigest.isEqual(Arrays.copyOf(mac, sent.length), sent);
    }

    /** M(2) A(6) ACC × 8: the IV of mode 5 for the M and A fields {@code field} (8 bytes). */
    static byte[] mode5Iv(byte[] field, int accessNumber) {
        byte[] iv = new byte[16];
        System.arraycopy(field, 0, iv, 0, 8);
        Arrays.fill(iv, 8, 16, (byte) accessNumber);
        return iv;
    }

    /** Kenc of mode 7: CMAC(K, 00 ‖ MCR ‖ ID ‖ 07 × 7). */
    static AesKey mode7EncryptionKey(byte[] key, byte[] counter, byte[] id) {
        return AesKey.of(Aes.cmac(key, derivationInput(0x00, counter, id)));
    }

    /**
     * The full 16-byte CMAC of mode 7 (the AFL sends its first bytes) with Kmac derived from
     * {@code key}: over MCL ‖ MCR ‖ [ML] ‖ {@code b} from {@code tplStart} to its end.
     *
     * @param messageLength the AFL's ML field, -1 when absent
     */
    static byte[] mode7Mac(byte[] key, byte[] counter, byte[] id, int messageControl, int messageLength, byte[] b,
            int tplStart) {
        byte[] kmac = Aes.cmac(key, derivationInput(0x01, counter, id));
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(messageControl);
        in.writeBytes(counter);
        if (messageLength >= 0) {
            in.write(messageLength);
            in.write(messageLength >> 8);
        }
        in.write(b, tplStart, b.length - tplStart);
        return Aes.cmac(kmac, in.toByteArray());
    }

    /** DC ‖ C ‖ ID ‖ 07 × 7: one block, padded as OMS vol. 2 prescribes. */
    static byte[] derivationInput(int constant, byte[] counter, byte[] id) {
        byte[] in = new byte[16];
        in[0] = (byte) constant;
        System.arraycopy(counter, 0, in, 1, 4);
        System.arraycopy(id, 0, in, 5, 4);
        Arrays.fill(in, 9, 16, (byte) 0x07);
        return in;
    }

    private static boolean checkBytes(byte[] plain) {
        return plain.length >= 2 && (plain[0] & 0xFF) == CHECK && (plain[1] & 0xFF) == CHECK;
    }

    private static Decryption.KeySource source(KeyStore.Candidates keys) {
        return keys.explicit() ? Decryption.KeySource.METER : Decryption.KeySource.DEFAULT;
    }

    private static DecodeException failed(KeyStore.Candidates keys, String check, int offset, MeterAddress owner) {
        if (keys.explicit()) {
            return new WrongKeyException(check + " with the key given for " + owner, offset);
        }
        return new MissingKeyException("the payload is encrypted and no key for " + owner + " is known (the "
                + "manufacturer's public default key does not fit: " + check.substring(check.indexOf(':') + 2) + ")",
                offset);
    }
}
