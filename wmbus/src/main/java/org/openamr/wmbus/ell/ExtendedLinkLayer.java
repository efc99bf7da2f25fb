package org.openamr.wmbus.ell;

import org.openamr.wmbus.MeterAddress;

/**
 * The extended link layer (EN 13757-4 §13.2), CI 0x8C–0x8F, between the link layer and the
 * transport layer:
 *
 * <pre>
 * 8C  CC ACC                                  (ELL I)
 * 8D  CC ACC SN0..SN3 PCRC0 PCRC1             (ELL II: session number, payload CRC)
 * 8E  CC ACC M2 M2 A2 A2 A2 A2 A2 A2          (ELL III: the receiver's address)
 * 8F  CC ACC M2 M2 A2 … A2 SN0..SN3 PCRC0 PCRC1 (ELL IV)
 * </pre>
 *
 * CC is the communication control field (B bidirectional 0x80, D response delay 0x40, S
 * synchronised 0x20, H hop 0x10, P priority 0x08, A accessibility 0x04, R repeated access 0x02).
 * SN, little-endian: bits 0–3 session, 4–28 time, 29–31 encryption (0 none, 1 AES-128-CTR). The
 * payload CRC (little-endian {@code Crc16} of everything after it) is encrypted with the payload.
 *
 * @param destination the ELL III/IV address, null for the other forms
 * @param sessionNumber the SN field, -1 when absent
 * @param payloadCrc    the payload CRC as read after any decryption, -1 when absent
 */
public record ExtendedLinkLayer(int ci, int communicationControl, int accessNumber, MeterAddress destination,
                                long sessionNumber, int payloadCrc) {

    public static final int ELL_I = 0x8C;
    public static final int ELL_II = 0x8D;
    public static final int ELL_III = 0x8E;
    public static final int ELL_IV = 0x8F;

    /** Bits 29–31 of the session number: 0 plain, 1 AES-128-CTR, others reserved. */
    public int encryption() {
        return sessionNumber < 0 ? 0 : (int) (sessionNumber >>> 29) & 0x07;
    }

    public static boolean isEll(int ci) {
        return ci >= ELL_I && ci <= ELL_IV;
    }

    /** Bytes after the CI field. */
    static int length(int ci) {
        return switch (ci) {
            case ELL_I -> 2;
            case ELL_II -> 8;
            case ELL_III -> 10;
            default -> 16;
        };
    }
}
