package org.openamr.wmbus.receiver.amber;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.openamr.mbus.MalformedDataException;
import org.openamr.wmbus.receiver.DongleTelegram;
import org.openamr.wmbus.receiver.LinkMode;

/**
 * The Amber module commands a receiver needs, with their payloads as the manuals give them
 * ("AMB8426-M / AMB8626-M manual" V2.4, chapter 7 and Table 4, the parameter memory; the AMB8465-M
 * has the same command set). {@link #of(AmberFrame)} reads a frame, {@code frame()} writes one.
 */
public sealed interface AmberMessage {

    int CMD_DATA_IND = 0x03;
    int CMD_SET_MODE_REQ = 0x04;
    int CMD_GET_REQ = 0x0A;
    int CONFIRM = 0x80;
    /** Parameter memory position of UART_CMD_Out_Enable: 1 = received telegrams as CMD_DATA_IND frames. */
    int UART_CMD_OUT_ENABLE = 0x05;
    /** Parameter memory position of RSSI_Enable: 1 = an RSSI byte follows every received telegram. */
    int RSSI_ENABLE = 0x45;

    AmberFrame frame();

    /**
     * CMD_DATA_IND is 0x03 in the manuals' command table; some drivers expect it with the confirm bit
     * (0x83), so both are read as a received telegram.
     */
    static boolean isDataIndication(int command) {
        return command == CMD_DATA_IND || command == (CMD_DATA_IND | CONFIRM);
    }

    static AmberMessage of(AmberFrame f) throws MalformedDataException {
        byte[] p = f.payload();
        if (isDataIndication(f.command())) {
            return DataIndication.of(f);
        }
        return switch (f.command()) {
            case CMD_SET_MODE_REQ -> new SetModeRequest(one(p, "CMD_SET_MODE_REQ"));
            case CMD_SET_MODE_REQ | CONFIRM -> new SetModeConfirm(one(p, "CMD_SET_MODE_CNF"));
            case CMD_GET_REQ -> {
                if (p.length != 2) {
                    throw new MalformedDataException("CMD_GET_REQ has a position and a count, not " + p.length
                            + " bytes", AmberFrame.HEADER);
                }
                yield new GetRequest(p[0] & 0xFF, p[1] & 0xFF);
            }
            case CMD_GET_REQ | CONFIRM -> {
                if (p.length < 2 || p.length != 2 + (p[1] & 0xFF)) {
                    throw new MalformedDataException("CMD_GET_CNF has a position, a count and count values",
                            AmberFrame.HEADER);
                }
                yield new GetConfirm(p[0] & 0xFF, Arrays.copyOfRange(p, 2, p.length));
            }
            default -> new Other(f);
        };
    }

    private static int one(byte[] p, String name) throws MalformedDataException {
        if (p.length != 1) {
            throw new MalformedDataException(name + " has one byte, not " + p.length, AmberFrame.HEADER);
        }
        return p[0] & 0xFF;
    }

    /**
     * CMD_DATA_IND, a received telegram: its payload is the telegram from the C-field on (block CRCs
     * removed), the length field standing for the L-field; the RSSI byte follows when RSSI_Enable is set.
     *
     * <pre>FF 03 LEN  C M M A A A A A A CI …  [RSSI] CS</pre>
     *
     * @param telegram the telegram from the L-field on (L = LEN)
     */
    record DataIndication(byte[] telegram, OptionalInt rssi) implements AmberMessage {
        public DataIndication {
            telegram = telegram.clone();
        }

        static DataIndication of(AmberFrame f) throws MalformedDataException {
            byte[] t = DongleTelegram.withLField(f.payload(), AmberFrame.HEADER);
            return new DataIndication(t, f.rssi());
        }

        @Override
        public byte[] telegram() {
            return telegram.clone();
        }

        public OptionalInt rssiDbm() {
            return rssi.isPresent() ? OptionalInt.of(AmberRssi.toDbm(rssi.getAsInt())) : OptionalInt.empty();
        }

        @Override
        public AmberFrame frame() {
            return new AmberFrame(CMD_DATA_IND, DongleTelegram.fromCField(telegram), rssi);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DataIndication d && Arrays.equals(d.telegram, telegram) && d.rssi.equals(rssi);
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
     * CMD_SET_MODE_REQ: the wireless M-Bus mode until the next reset (volatile memory), one byte. The
     * receiving ("other") modes of the manual's mode table used here: 0x03 S2 (hears S1 and S1-m),
     * 0x08 T2 other (hears T1), 0x0E C2 other (hears C1) — the values wmbusmeters and jMBus set on
     * these modules to listen in S1, T1 and C1.
     */
    record SetModeRequest(int mode) implements AmberMessage {

        public static SetModeRequest listeningIn(LinkMode m) {
            return new SetModeRequest(switch (m) {
                case S1 -> 0x03;
                case T1 -> 0x08;
                case C1 -> 0x0E;
            });
        }

        @Override
        public AmberFrame frame() {
            return new AmberFrame(CMD_SET_MODE_REQ, new byte[] {(byte) mode});
        }
    }

    /** CMD_SET_MODE_CNF (0x84): one status byte, 0x00 success. */
    record SetModeConfirm(int status) implements AmberMessage {
        public boolean accepted() {
            return status == 0;
        }

        @Override
        public AmberFrame frame() {
            return new AmberFrame(CMD_SET_MODE_REQ | CONFIRM, new byte[] {(byte) status});
        }
    }

    /** CMD_GET_REQ: reads {@code count} parameters of the non-volatile memory from {@code position}. */
    record GetRequest(int position, int count) implements AmberMessage {
        @Override
        public AmberFrame frame() {
            return new AmberFrame(CMD_GET_REQ, new byte[] {(byte) position, (byte) count});
        }
    }

    /** CMD_GET_CNF (0x8A): position, count, then the values. */
    record GetConfirm(int position, byte[] values) implements AmberMessage {
        public GetConfirm {
            values = values.clone();
        }

        @Override
        public byte[] values() {
            return values.clone();
        }

        @Override
        public AmberFrame frame() {
            byte[] p = new byte[2 + values.length];
            p[0] = (byte) position;
            p[1] = (byte) values.length;
            System.arraycopy(values, 0, p, 2, values.length);
            return new AmberFrame(CMD_GET_REQ | CONFIRM, p);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GetConfirm g && g.position == position && Arrays.equals(g.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values) * 31 + position;
        }
    }

    record Other(AmberFrame frame) implements AmberMessage {
    }
}
