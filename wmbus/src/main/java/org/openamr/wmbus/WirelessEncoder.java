package org.openamr.wmbus;

import org.openamr.mbus.record.RecordEncoder;
import org.openamr.wmbus.afl.AflEncoder;
import org.openamr.wmbus.afl.AuthenticationLayer;
import org.openamr.wmbus.ell.EllEncoder;
import org.openamr.wmbus.link.FrameFormat;
import org.openamr.wmbus.link.LinkLayerEncoder;
import org.openamr.wmbus.security.Configuration;
import org.openamr.wmbus.security.Encryption;
import org.openamr.wmbus.security.SecurityEncoder;
import org.openamr.wmbus.tpl.TplEncoder;

/**
 * The wireless encoder as a pure function, the inverse of {@link WirelessCodec} for what meters
 * send: an {@link OutgoingTelegram} to its bytes, each layer written by its package:
 *
 * <pre>
 * mode 0:  L C M A [8C CC ACC]                         7A ACC STS CFG(2)       records
 * mode 5:  L C M A [8C CC ACC]                         7A ACC STS CFG(2)       AES-CBC(K, IV = M A ACC×8; 2F 2F records 2F…)
 * mode 7:  L C M A [8C CC ACC] 90 0F FCL MCL MCR MAC(8) 7A ACC STS CFG(2) CFGX AES-CBC(Kenc, IV = 0;  2F 2F records 2F…)
 * </pre>
 *
 * The configuration field counts the encrypted blocks, and every record is encrypted. Mode 7's
 * AFL has FCL 2C00 (MCL, message counter and MAC present) and MCL 25 (8-byte AES-CMAC), the MAC
 * covering MCL, the counter and the transport layer as sent. Then the block CRCs of the frame format.
 */
public final class WirelessEncoder {

    private static final int MAC_LENGTH = 8;
    private static final int BLOCK = 16;

    private WirelessEncoder() {
    }

    /** The telegram in {@code format}: A and B with their block CRCs, {@link FrameFormat#NO_CRC} without. */
    public static byte[] encode(OutgoingTelegram t, FrameFormat format) {
        return LinkLayerEncoder.withCrcs(encode(t), format);
    }

    /**
     * The telegram without CRCs, from its L-field on.
     *
     * @throws IllegalArgumentException when it does not fit: more than 15 encrypted blocks, or more
     *                                  than 255 bytes after the L-field
     */
    public static byte[] encode(OutgoingTelegram t) {
        byte[] field = LinkLayerEncoder.field(t.sender());
        byte[] ell = t.ellControl() < 0 ? new byte[0] : EllEncoder.ellI(t.ellControl(), t.accessNumber());
        Encryption e = t.encryption();
        if (e instanceof Encryption.None) {
            byte[] header = TplEncoder.shortHeader(t.accessNumber(), t.status(), Configuration.of(e.mode(), 0));
            return LinkLayerEncoder.frame(t.control(), t.sender(), ell, header, RecordEncoder.encode(t.records()));
        }
        byte[] plain = TplEncoder.encryptable(t.records());
        byte[] header = TplEncoder.shortHeader(t.accessNumber(), t.status(), Configuration.of(e.mode(),
                blocks(plain)));
        if (e instanceof Encryption.Mode5 m5) {
            byte[] cipher = SecurityEncoder.mode5(m5.key(), field, t.accessNumber(), plain);
            return LinkLayerEncoder.frame(t.control(), t.sender(), ell, header, cipher);
        }
        Encryption.Mode7 m7 = (Encryption.Mode7) e;
        byte[] counter = AflEncoder.counterAndMac(m7.messageCounter(), new byte[MAC_LENGTH]).counterBytes();
        byte[] id = {field[2], field[3], field[4], field[5]};
        byte[] tpl = concat(header, SecurityEncoder.mode7(m7.key(), counter, id, plain));
        byte[] mac = SecurityEncoder.mode7Mac(m7.key(), counter, id, AflEncoder.MCL_CMAC_8_WITH_COUNTER, tpl,
                MAC_LENGTH);
        AuthenticationLayer afl = AflEncoder.counterAndMac(m7.messageCounter(), mac);
        return LinkLayerEncoder.frame(t.control(), t.sender(), ell, AflEncoder.encode(afl), tpl);
    }

    private static int blocks(byte[] plain) {
        int n = plain.length / BLOCK;
        if (n > Configuration.MAX_ENCRYPTED_BLOCKS) {
            throw new IllegalArgumentException("the records take " + n + " encrypted blocks of 16 bytes; the "
                    + "configuration field counts at most " + Configuration.MAX_ENCRYPTED_BLOCKS);
        }
        return n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
