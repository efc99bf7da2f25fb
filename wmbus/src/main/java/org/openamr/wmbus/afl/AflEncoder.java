package org.openamr.wmbus.afl;

import java.io.ByteArrayOutputStream;

/**
 * Writes the authentication and fragmentation layer, the inverse of {@link AflCodec}; the layout
 * is in {@link AuthenticationLayer}. Only unfragmented messages (fragment id 0 or 1, no "more
 * fragments").
 */
public final class AflEncoder {

    /** FCL of a whole message with MCL, message counter and MAC present (fragment id 0). */
    public static final int FCL_COUNTER_AND_MAC = 0x2C00;
    /** MCL: AES-CMAC-128 truncated to 8 bytes (type 5), message counter in the message. */
    public static final int MCL_CMAC_8_WITH_COUNTER = 0x25;

    private AflEncoder() {
    }

    /** The AFL that security mode 7 needs: message counter and the 8-byte MAC. */
    public static AuthenticationLayer counterAndMac(long messageCounter, byte[] mac) {
        return new AuthenticationLayer(FCL_COUNTER_AND_MAC, MCL_CMAC_8_WITH_COUNTER, -1, messageCounter, mac, -1);
    }

    /** {@code 90 AFL.L FCL …}: the fields that FCL announces, in their order. */
    public static byte[] encode(AuthenticationLayer afl) {
        int fcl = afl.fragmentControl();
        if (afl.moreFragments() || afl.fragmentId() > 1) {
            throw new IllegalArgumentException("fragmented messages are not written (FCL %04X)".formatted(fcl));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        little(body, fcl, 2);
        if ((fcl & 0x2000) != 0) {
            little(body, present(afl.messageControl(), "MCL"), 1);
        }
        if ((fcl & 0x0200) != 0) {
            little(body, present(afl.keyInformation(), "KI"), 2);
        }
        if ((fcl & 0x0800) != 0) {
            little(body, present(afl.messageCounter(), "MCR"), 4);
        }
        if ((fcl & 0x0400) != 0) {
            int n = AuthenticationLayer.macLength(afl.authenticationType());
            if (n <= 0 || afl.mac().length != n) {
                throw new IllegalArgumentException("authentication type %d has a MAC of %d bytes, got %d"
                        .formatted(afl.authenticationType(), n, afl.mac().length));
            }
            body.writeBytes(afl.mac());
        }
        if ((fcl & 0x1000) != 0) {
            little(body, present(afl.messageLength(), "ML"), 2);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(AuthenticationLayer.CI);
        out.write(body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static long present(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException("FCL announces " + field + ", which the AFL lacks");
        }
        return value;
    }

    private static void little(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >> 8 * i));
        }
    }
}
