package org.openamr.wmbus.afl;

import java.util.Arrays;

/**
 * The authentication and fragmentation layer (EN 13757-7 §6), CI 0x90:
 *
 * <pre>
 * 90 AFL.L  FCL0 FCL1  [MCL]  [KI0 KI1]  [MCR0..MCR3]  [MAC…]  [ML0 ML1]
 * FCL (little-endian): bit 14 more fragments, 13 MCL present, 12 ML present, 11 MCR present,
 *                      10 MAC present, 9 KI present, bits 7–0 fragment id
 * MCL: bits 3–0 authentication type (5 = AES-CMAC-128 truncated to 8 bytes …), 4 KI, 5 MCR, 6 ML in message
 * </pre>
 *
 * @param messageControl -1 when absent
 * @param keyInformation -1 when absent
 * @param messageCounter -1 when absent
 * @param mac            empty when absent
 * @param messageLength  -1 when absent
 */
public record AuthenticationLayer(int fragmentControl, int messageControl, int keyInformation, long messageCounter,
                                  byte[] mac, int messageLength) {

    public static final int CI = 0x90;

    public AuthenticationLayer {
        mac = mac.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public boolean moreFragments() {
        return (fragmentControl & 0x4000) != 0;
    }

    public int fragmentId() {
        return fragmentControl & 0xFF;
    }

    public int authenticationType() {
        return messageControl < 0 ? 0 : messageControl & 0x0F;
    }

    /** The message counter as sent (little-endian), for the key derivation and the MAC. */
    public byte[] counterBytes() {
        return new byte[] {(byte) messageCounter, (byte) (messageCounter >> 8), (byte) (messageCounter >> 16),
            (byte) (messageCounter >> 24)};
    }

    /** Length of the MAC for an authentication type, -1 for reserved types. */
    static int macLength(int type) {
        return switch (type) {
            case 0 -> 0;
            case 3 -> 2;
            case 4 -> 4;
            case 5 -> 8;
            case 6, 8 -> 12;
            case 7 -> 16;
            default -> -1;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthenticationLayer a && a.fragmentControl == fragmentControl
                && a.messageControl == messageControl && a.keyInformation == keyInformation
                && a.messageCounter == messageCounter && Arrays.equals(a.mac, mac) && a.messageLength == messageLength;
    }

    @Override
    public int hashCode() {
        return (int) (fragmentControl * 31 + messageCounter);
    }

    @Override
    public String toString() {
        return "AuthenticationLayer[FCL %04X, MCL %02X, counter %d, MAC %d bytes]".formatted(fragmentControl,
                messageControl, messageCounter, mac.length);
    }
}
