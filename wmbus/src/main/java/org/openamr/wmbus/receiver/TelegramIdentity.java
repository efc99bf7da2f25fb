package org.openamr.wmbus.receiver;

import java.util.Arrays;
import java.util.HexFormat;
import org.openamr.mbus.DecodeException;
import org.openamr.wmbus.link.LinkLayerCodec;

/**
 * What makes two receptions the same telegram: the link layer's bytes (L, C, M, A and everything
 * after them) without block CRCs and without what a receiver or a repeater adds or changes on
 * the way. Two receivers hearing one transmission, one reporting it with CRCs and one without, or
 * with an RSSI byte appended, yield the same identity; so does the copy a repeater sends on.
 *
 * <p>EN 13757-4 lets a repeater mark what it relays instead of changing the telegram otherwise:
 * in the extended link layer's communication control field the hop bit H (0x10) and the repeated
 * access bit R (0x02); without an ELL, the same two bits of the transport layer's configuration
 * field (bits 1–0, "hop counter / repeated access", in a short or long header that is not
 * encrypted). Those bits are left out of the identity: a relayed copy is the same telegram.
 * The access number stays in, so the meter's next telegram is never taken for a copy.
 */
public record TelegramIdentity(byte[] bytes) {

    private static final int CI = 10;
    private static final int REPEATER_BITS_CC = 0x10 | 0x02;
    private static final int REPEATER_BITS_CONFIG = 0x03;

    public TelegramIdentity {
        bytes = bytes.clone();
    }

    /** The identity of a telegram given from its L-field on, with or without CRCs and trailing bytes. */
    public static TelegramIdentity of(byte[] telegram) {
        byte[] f;
        try {
            f = LinkLayerCodec.decode(telegram).frame();
        } catch (DecodeException e) {
            // Damaged or short: only a byte-identical copy is the same.
            return new TelegramIdentity(telegram);
        }
        withoutRepeaterMarks(f);
        return new TelegramIdentity(f);
    }

    private static void withoutRepeaterMarks(byte[] f) {
        int pos = CI;
        int ci = f[pos] & 0xFF;
        if (ci >= 0x8C && ci <= 0x8F) {
            if (f.length > pos + 1) {
                f[pos + 1] &= (byte) ~REPEATER_BITS_CC;
            }
            if (ci == 0x8D || ci == 0x8F) {
                return; // what follows may be encrypted: a repeater relays it unchanged anyway
            }
            pos += ci == 0x8C ? 3 : 11;
        }
        if (pos < f.length && (f[pos] & 0xFF) == 0x90 && pos + 1 < f.length) {
            pos += 2 + (f[pos + 1] & 0xFF); // the authentication and fragmentation layer
        }
        if (pos >= f.length) {
            return;
        }
        int config = switch (f[pos] & 0xFF) {
            case 0x7A -> pos + 3;  // CI ACC ST CF CF
            case 0x72 -> pos + 11; // CI id id id id M M version type ACC ST CF CF
            default -> -1;
        };
        if (config > 0 && config < f.length) {
            f[config] &= (byte) ~REPEATER_BITS_CONFIG;
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelegramIdentity t && Arrays.equals(t.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "TelegramIdentity[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
