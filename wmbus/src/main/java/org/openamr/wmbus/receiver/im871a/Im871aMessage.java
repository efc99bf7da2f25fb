package org.openamr.wmbus.receiver.im871a;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.openamr.mbus.MalformedDataException;
import org.openamr.wmbus.receiver.DongleTelegram;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * The iM871A messages a receiver needs, each with its payload layout from IMST's HCI specification
 * (WMBus_HCI_Spec v1.6, chapter 3 "Firmware Services": 3.1 device management, 3.2 radio link).
 * {@link #of(HciFrame)} reads a frame, {@code frame()} writes one.
 */
public sealed interface Im871aMessage {

    /** Device management message ids. */
    int SET_CONFIG_REQ = 0x03;
    int SET_CONFIG_RSP = 0x04;
    /** Radio link message id of a received telegram (RADIOLINK_MSG_WMBUSMSG_IND). */
    int WMBUS_MSG_IND = 0x03;

    HciFrame frame();

    /** The message a frame carries; {@link Other} for any not listed here. */
    static Im871aMessage of(HciFrame f) throws MalformedDataException {
        if (f.endpoint() == HciFrame.RADIO_LINK && f.messageId() == WMBUS_MSG_IND) {
            return DataIndication.of(f);
        }
        if (f.endpoint() == HciFrame.DEVICE_MANAGEMENT && f.messageId() == SET_CONFIG_REQ) {
            return SetConfigRequest.of(f.payload());
        }
        if (f.endpoint() == HciFrame.DEVICE_MANAGEMENT && f.messageId() == SET_CONFIG_RSP) {
            if (f.payload().length != 1) {
                throw new MalformedDataException("a SET_CONFIG response has one status byte, not "
                        + f.payload().length, HciFrame.HEADER);
            }
            return new SetConfigResponse(f.payload()[0] & 0xFF);
        }
        return new Other(f);
    }

    /**
     * A telegram the module received (RADIOLINK_MSG_WMBUSMSG_IND). The payload is the telegram from
     * the C-field on, block CRCs removed; the frame's length field stands for its L-field:
     *
     * <pre>A5 [CF]2 03 LEN  C M M A A A A A A CI …  [time stamp] [RSSI] [FCS]</pre>
     *
     * @param telegram the telegram from the L-field on (L = LEN), as the wireless decoder takes it
     * @param rssi     the raw RSSI byte, when the module attaches it
     */
    record DataIndication(byte[] telegram, OptionalInt rssi, OptionalLong timestamp) implements Im871aMessage {
        public DataIndication {
            telegram = telegram.clone();
        }

        static DataIndication of(HciFrame f) throws MalformedDataException {
            byte[] t = DongleTelegram.withLField(f.payload(), HciFrame.HEADER);
            return new DataIndication(t, f.rssi(), f.timestamp());
        }

        @Override
        public byte[] telegram() {
            return telegram.clone();
        }

        /** The signal strength in dBm, when attached. */
        public OptionalInt rssiDbm() {
            return rssi.isPresent() ? OptionalInt.of(Im871aRssi.toDbm(rssi.getAsInt())) : OptionalInt.empty();
        }

        @Override
        public HciFrame frame() {
            return new HciFrame(HciFrame.RADIO_LINK, WMBUS_MSG_IND, DongleTelegram.fromCField(telegram),
                    timestamp, rssi, false);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataIndication d && Arrays.equals(d.telegram, telegram) && d.rssi.equals(rssi)
                    && d.timestamp.equals(timestamp);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(telegram);
        }

        @Override
        public String toString() {
            return "DataIndication[" + HexFormat.of().formatHex(telegram) + ", rssi " + rssi + "]";
        }
    }

    /**
     * DEVMGMT_MSG_SET_CONFIG_REQ: changes the module's configuration. Payload:
     *
     * <pre>
     * NVM flag (0 = until reset, 1 = saved) | IIFlag1 | parameters of IIFlag1 | IIFlag2 | parameters of IIFlag2
     * IIFlag1 bits, each adding its parameter in this order: 0x01 device mode (1 byte), 0x02 link mode (1),
     *   0x04 C-field (1), 0x08 manufacturer (2), 0x10 device id (4), 0x20 version (1), 0x40 device type (1),
     *   0x80 radio channel (1)
     * IIFlag2 bits: 0x01 power level (1), 0x02 data rate (1), 0x04 receive window (1), 0x08 auto power saving (1),
     *   0x10 auto RSSI attachment (1: 0 off, 1 on), 0x20 auto time stamp attachment (1), 0x40 LED control (1),
     *   0x80 RTC control (1)
     * link modes: 0 S1, 1 S1-m, 2 S2, 3 T1, 4 T2, 5 R2, 6 C1a, 7 C1b, 8 C2a, 9 C2b
     * </pre>
     *
     * @param linkModeCode the link mode to set, -1 to leave it
     * @param autoRssi     1 to attach the RSSI to every received telegram, 0 not to, -1 to leave it
     */
    record SetConfigRequest(boolean saved, int linkModeCode, int autoRssi) implements Im871aMessage {

        private static final int[] IIFLAG1_SIZES = {1, 1, 1, 2, 4, 1, 1, 1};
        private static final int IIFLAG1_LINK_MODE = 0x02;
        private static final int IIFLAG2_AUTO_RSSI = 0x10;

        /** Until the next reset: the link mode (or none to keep the module's), RSSI attached to every telegram. */
        public static SetConfigRequest temporary(Optional<LinkMode> mode) {
            return new SetConfigRequest(false, mode.map(SetConfigRequest::code).orElse(-1), 1);
        }

        /** The module's code of a mode it receives in: C1 is C1a, frame format A (the module takes B too). */
        public static int code(LinkMode mode) {
            return switch (mode) {
                case S1 -> 0;
                case T1 -> 3;
                case C1 -> 6;
            };
        }

        /** The mode of a code, empty for modes this receiver does not listen in (S2, T2, …). */
        public Optional<LinkMode> linkMode() {
            return switch (linkModeCode) {
                case 0 -> Optional.of(LinkMode.S1);
                case 3 -> Optional.of(LinkMode.T1);
                case 6, 7 -> Optional.of(LinkMode.C1);
                default -> Optional.empty();
            };
        }

        static SetConfigRequest of(byte[] p) throws MalformedDataException {
            int pos = 0;
            if (p.length < 3) {
                throw new MalformedDataException("SET_CONFIG needs the NVM flag and both IIFlags", HciFrame.HEADER);
            }
            boolean saved = p[pos++] != 0;
            int flags1 = p[pos++] & 0xFF;
            int mode = -1;
            for (int bit = 0; bit < 8; bit++) {
                if ((flags1 & (1 << bit)) != 0) {
                    if (pos + IIFLAG1_SIZES[bit] > p.length) {
                        throw new MalformedDataException("SET_CONFIG ends inside the parameters of IIFlag1",
                                HciFrame.HEADER + pos);
                    }
                    if (1 << bit == IIFLAG1_LINK_MODE) {
                        mode = p[pos] & 0xFF;
                    }
                    pos += IIFLAG1_SIZES[bit];
                }
            }
            if (pos >= p.length) {
                throw new MalformedDataException("SET_CONFIG has no IIFlag2", HciFrame.HEADER + pos);
            }
            int flags2 = p[pos++] & 0xFF;
            int rssi = -1;
            for (int bit = 0; bit < 8; bit++) {
                if ((flags2 & (1 << bit)) != 0) {
                    if (pos >= p.length) {
                        throw new MalformedDataException("SET_CONFIG ends inside the parameters of IIFlag2",
                                HciFrame.HEADER + pos);
                    }
                    if (1 << bit == IIFLAG2_AUTO_RSSI) {
                        rssi = p[pos] & 0xFF;
                    }
                    pos++;
                }
            }
            return new SetConfigRequest(saved, mode, rssi);
        }

        @Override
        public HciFrame frame() {
            byte[] p = new byte[2 + (linkModeCode >= 0 ? 1 : 0) + 1 + (autoRssi >= 0 ? 1 : 0)];
            int pos = 0;
            p[pos++] = (byte) (saved ? 1 : 0);
            p[pos++] = (byte) (linkModeCode >= 0 ? IIFLAG1_LINK_MODE : 0);
            if (linkModeCode >= 0) {
                p[pos++] = (byte) linkModeCode;
            }
            p[pos++] = (byte) (autoRssi >= 0 ? IIFLAG2_AUTO_RSSI : 0);
            if (autoRssi >= 0) {
                p[pos] = (byte) autoRssi;
            }
            return HciFrame.request(HciFrame.DEVICE_MANAGEMENT, SET_CONFIG_REQ, p);
        }
    }

    /** DEVMGMT_MSG_SET_CONFIG_RSP: one status byte, 0 when the module took the configuration. */
    record SetConfigResponse(int status) implements Im871aMessage {
        public static final int OK = 0;

        public boolean accepted() {
            return status == OK;
        }

        @Override
        public HciFrame frame() {
            return HciFrame.request(HciFrame.DEVICE_MANAGEMENT, SET_CONFIG_RSP, new byte[] {(byte) status});
        }
    }

    /** Any other message, kept as its frame. */
    record Other(HciFrame frame) implements Im871aMessage {
    }
}
