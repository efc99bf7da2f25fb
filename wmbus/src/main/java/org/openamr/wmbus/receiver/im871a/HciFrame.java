package org.openamr.wmbus.receiver.im871a;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One message of the host controller interface (HCI) of IMST's iM871A wireless M-Bus module and USB
 * stick, as IMST's "Wireless M-Bus Host Controller Interface" specification (WMBus_HCI_Spec, v1.6,
 * chapter 2 "HCI Communication", "HCI Message Format") lays it out; the serial line runs at
 * 57600 Bd, 8N1:
 *
 * <pre>
 * A5 | CF:4 EID:4 | MID | LEN | payload (LEN bytes) | [time stamp, 4 bytes LE] | [RSSI, 1 byte] | [FCS, 2 bytes LE]
 *
 * A5   start of frame
 * CF   control field, the high nibble of the second byte: 0x2 time stamp attached, 0x4 RSSI attached,
 *      0x8 FCS attached (0x1 reserved, always 0)
 * EID  endpoint: 0x1 device management, 0x2 radio link, 0x3 radio link test, 0x4 hardware test
 * MID  message identifier within the endpoint
 * FCS  {@link Fcs16} from the control field to the last byte before it
 * </pre>
 *
 * @param timestamp the module's RTC time stamp of the message, when attached
 * @param rssi      the raw RSSI byte, when attached ({@link Im871aRssi} converts it)
 * @param fcs       whether the frame carries an FCS (checked by the deframer)
 */
public record HciFrame(int endpoint, int messageId, byte[] payload, OptionalLong timestamp, OptionalInt rssi,
                       boolean fcs) {

    public static final int START = 0xA5;
    public static final int DEVICE_MANAGEMENT = 0x01;
    public static final int RADIO_LINK = 0x02;
    public static final int RADIO_LINK_TEST = 0x03;
    public static final int HARDWARE_TEST = 0x04;

    static final int CF_TIMESTAMP = 0x20;
    static final int CF_RSSI = 0x40;
    static final int CF_FCS = 0x80;
    static final int CF_RESERVED = 0x10;
    /** Start, control/endpoint, message id, length. */
    static final int HEADER = 4;
    /** The longest frame: 255 payload bytes with every attachment. */
    static final int MAX_LENGTH = HEADER + 255 + 4 + 1 + 2;

    public HciFrame {
        if (endpoint < 1 || endpoint > 4) {
            throw new IllegalArgumentException("endpoint " + endpoint + " is not 1-4");
        }
        if (messageId < 0 || messageId > 255 || payload.length > 255) {
            throw new IllegalArgumentException("message id 0-255 and at most 255 payload bytes");
        }
        payload = payload.clone();
    }

    /** A request as a host sends it: no attachments. */
    public static HciFrame request(int endpoint, int messageId, byte[] payload) {
        return new HciFrame(endpoint, messageId, payload, OptionalLong.empty(), OptionalInt.empty(), false);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The bytes on the line. */
    public byte[] encode() {
        int n = HEADER + payload.length + (timestamp.isPresent() ? 4 : 0) + (rssi.isPresent() ? 1 : 0) + (fcs ? 2 : 0);
        byte[] b = new byte[n];
        b[0] = (byte) START;
        int cf = (timestamp.isPresent() ? CF_TIMESTAMP : 0) | (rssi.isPresent() ? CF_RSSI : 0) | (fcs ? CF_FCS : 0);
        b[1] = (byte) (cf | endpoint);
        b[2] = (byte) messageId;
        b[3] = (byte) payload.length;
        System.arraycopy(payload, 0, b, HEADER, payload.length);
        int pos = HEADER + payload.length;
        if (timestamp.isPresent()) {
            long t = timestamp.getAsLong();
            for (int i = 0; i < 4; i++) {
                b[pos++] = (byte) (t >>> (8 * i));
            }
        }
        if (rssi.isPresent()) {
            b[pos++] = (byte) rssi.getAsInt();
        }
        if (fcs) {
            int f = Fcs16.of(b, 1, pos - 1);
            b[pos++] = (byte) f;
            b[pos] = (byte) (f >>> 8);
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HciFrame f && f.endpoint == endpoint && f.messageId == messageId
                && Arrays.equals(f.payload, payload) && f.timestamp.equals(timestamp) && f.rssi.equals(rssi)
                && f.fcs == fcs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload) * 31 + endpoint * 256 + messageId;
    }

    @Override
    public String toString() {
        return "HciFrame[EID %d MID %02X %s%s%s%s]".formatted(endpoint, messageId, HexFormat.of().formatHex(payload),
                timestamp.isPresent() ? " ts " + timestamp.getAsLong() : "", rssi.isPresent() ? " rssi "
                        + rssi.getAsInt() : "", fcs ? " fcs" : "");
    }
}
