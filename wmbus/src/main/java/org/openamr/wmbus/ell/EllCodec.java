package org.openamr.wmbus.ell;

import java.util.Arrays;
import org.openamr.mbus.DecodeException;
import org.openamr.mbus.TruncatedException;
import org.openamr.mbus.UnsupportedException;
import org.openamr.wmbus.CrcException;
import org.openamr.wmbus.Decryption;
import org.openamr.wmbus.MeterAddress;
import org.openamr.wmbus.MissingKeyException;
import org.openamr.wmbus.WrongKeyException;
import org.openamr.wmbus.keys.AesKey;
import org.openamr.wmbus.keys.KeyStore;
import org.openamr.wmbus.link.Crc16;
import org.openamr.wmbus.security.Aes;

/**
 * Reads the extended link layer and undoes its AES-128-CTR session encryption. The counter block
 * is {@code M(2) A(6) CC SN(4) FN(2) BC(1)} with M and A from the link layer, the CC field without
 * its hop (0x10) and repeated-access (0x02) bits, which repeaters change in flight, and frame number
 * and block counter 0. Whether the key fits is told by the payload CRC after decryption.
 */
public final class EllCodec {

    private EllCodec() {
    }

    /**
     * What the ELL said and did.
     *
     * @param next       offset of the first byte after the ELL (the payload CRC is skipped)
     * @param decryption null when nothing was decrypted
     * @param missingKey non-null when the payload stays encrypted for want of a key
     */
    public record Result(ExtendedLinkLayer ell, int next, Decryption decryption, MissingKeyException missingKey) {
    }

    /**
     * Decodes the ELL whose CI field is at {@code f[pos]}, decrypting {@code f} in place from the
     * payload CRC on. {@code linkField} is the link layer's M and A fields (8 bytes).
     */
    public static Result decode(byte[] f, int pos, byte[] linkField, MeterAddress sender, KeyStore keys)
            throws DecodeException {
        int ci = f[pos] & 0xFF;
        int len = ExtendedLinkLayer.length(ci);
        if (f.length - pos - 1 < len) {
            throw new TruncatedException("the telegram ends inside the %d-byte extended link layer (CI %02X)"
                    .formatted(len, ci), f.length);
        }
        int p = pos + 1;
        int cc = f[p] & 0xFF;
        int acc = f[p + 1] & 0xFF;
        p += 2;
        MeterAddress destination = null;
        if (ci == ExtendedLinkLayer.ELL_III || ci == ExtendedLinkLayer.ELL_IV) {
            int m = (f[p] & 0xFF) | (f[p + 1] & 0xFF) << 8;
            String id = "%02X%02X%02X%02X".formatted(f[p + 5] & 0xFF, f[p + 4] & 0xFF, f[p + 3] & 0xFF, f[p + 2] & 0xFF);
            destination = new MeterAddress(m, id, f[p + 6] & 0xFF, f[p + 7] & 0xFF);
            p += 8;
        }
        if (ci == ExtendedLinkLayer.ELL_I || ci == ExtendedLinkLayer.ELL_III) {
            return new Result(new ExtendedLinkLayer(ci, cc, acc, destination, -1, -1), p, null, null);
        }
        int snOffset = p;
        long sn = (f[p] & 0xFFL) | (f[p + 1] & 0xFFL) << 8 | (f[p + 2] & 0xFFL) << 16 | (f[p + 3] & 0xFFL) << 24;
        p += 4;
        int crcOffset = p;
        int encryption = (int) (sn >>> 29) & 0x07;
        Decryption decryption = null;
        if (encryption == 1) {
            if (crcMatches(f, crcOffset)) {
                decryption = new Decryption(Decryption.Method.ELL_AES_CTR, Decryption.KeySource.ALREADY_DECRYPTED, 0);
            } else {
                KeyStore.Candidates candidates = keys.keysFor(sender);
                decryption = decrypt(f, crcOffset, linkField, cc, Arrays.copyOfRange(f, snOffset, snOffset + 4),
                        candidates);
                if (decryption == null) {
                    if (candidates.explicit()) {
                        throw new WrongKeyException("ELL AES-CTR: the payload CRC does not match after decryption "
                                + "with the key given for " + sender, crcOffset);
                    }
                    return new Result(new ExtendedLinkLayer(ci, cc, acc, destination, sn, -1), crcOffset, null,
                            new MissingKeyException("the payload after the extended link layer is encrypted "
                                    + "(AES-128-CTR); no key for " + sender + (candidates.isEmpty() ? ""
                                    : " (the manufacturer's public default does not fit)"), crcOffset));
                }
            }
        } else if (encryption != 0) {
            throw new UnsupportedException("ELL encryption %d in the session number is reserved".formatted(encryption),
                    snOffset + 3);
        } else if (!crcMatches(f, crcOffset)) {
            throw new CrcException("ELL payload CRC %02X%02X does not match the %d bytes after it".formatted(
                    f[crcOffset] & 0xFF, f[crcOffset + 1] & 0xFF, f.length - crcOffset - 2), crcOffset);
        }
        int crc = (f[crcOffset] & 0xFF) | (f[crcOffset + 1] & 0xFF) << 8;
        return new Result(new ExtendedLinkLayer(ci, cc, acc, destination, sn, crc), crcOffset + 2, decryption, null);
    }

    private static Decryption decrypt(byte[] f, int from, byte[] linkField, int cc, byte[] sn,
            KeyStore.Candidates candidates) {
        byte[] counter = new byte[16];
        System.arraycopy(linkField, 0, counter, 0, 8);
        counter[8] = (byte) (cc & ~0x12);
        System.arraycopy(sn, 0, counter, 9, 4);
        for (AesKey key : candidates.keys()) {
            byte[] attempt = Arrays.copyOfRange(f, from, f.length);
            Aes.ctr(key, counter, attempt, 0, attempt.length);
            if (attempt.length >= 2 && Crc16.compute(attempt, 2, attempt.length - 2)
                    == ((attempt[0] & 0xFF) | (attempt[1] & 0xFF) << 8)) {
                System.arraycopy(attempt, 0, f, from, attempt.length);
                return new Decryption(Decryption.Method.ELL_AES_CTR,
                        candidates.explicit() ? Decryption.KeySource.METER : Decryption.KeySource.DEFAULT,
                        attempt.length);
            }
        }
        return null;
    }

    private static boolean crcMatches(byte[] f, int crcOffset) {
        return Crc16.compute(f, crcOffset + 2, f.length - crcOffset - 2)
                == ((f[crcOffset] & 0xFF) | (f[crcOffset + 1] & 0xFF) << 8);
    }
}
