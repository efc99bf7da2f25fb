package org.openamr.simulator.modbus;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Modbus TCP frame (application data unit): the MBAP header, then the PDU. There is no checksum;
 * TCP carries the bytes intact, and the length field is what separates frames on the stream.
 *
 * <pre>
 * bytes 0..1  transaction id, chosen by the master and echoed by the slave
 * bytes 2..3  protocol id, 0 for Modbus
 * bytes 4..5  length: the bytes that follow (unit id and PDU), 2..254; all three fields high byte first
 * byte  6     unit id: the slave behind a gateway; 0 or 255 for a device that is the slave itself
 * bytes 7..   the PDU, function code first
 * </pre>
 */
public record MbapFrame(int transactionId, int protocolId, int unit, byte[] pdu) {

    public static final int HEADER_LENGTH = 7;
    /** Unit id and PDU: at most 254 bytes, as an RTU frame's unit id and PDU. */
    public static final int MAX_LENGTH_FIELD = 254;

    public MbapFrame {
        if (transactionId < 0 || transactionId > 0xFFFF || protocolId < 0 || protocolId > 0xFFFF) {
            throw new IllegalArgumentException("transaction and protocol id are 16-bit numbers");
        }
        if (unit < 0 || unit > 0xFF) {
            throw new IllegalArgumentException("a unit id is one byte, got " + unit);
        }
        pdu = pdu.clone();
        if (pdu.length + 1 > MAX_LENGTH_FIELD) {
            throw new IllegalArgumentException("a PDU of " + pdu.length + " bytes does not fit an MBAP frame");
        }
    }

    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    public byte[] encode() {
        byte[] out = new byte[HEADER_LENGTH + pdu.length];
        out[0] = (byte) (transactionId >> 8);
        out[1] = (byte) transactionId;
        out[2] = (byte) (protocolId >> 8);
        out[3] = (byte) protocolId;
        out[4] = (byte) ((pdu.length + 1) >> 8);
        out[5] = (byte) (pdu.length + 1);
        out[6] = (byte) unit;
        System.arraycopy(pdu, 0, out, HEADER_LENGTH, pdu.length);
        return out;
    }

    /**
     * The bytes of a slave's reply to the request with {@code transactionId}. A damaged reply keeps a
     * sound header (the stream stays in step) around a malformed PDU: the byte count of a data reply
     * one more than the data, an exception reply without its code ({@link UnitFault.CorruptReply}).
     */
    public static byte[] reply(int transactionId, SlaveReply reply) {
        byte[] pdu = PduCodec.response(reply.response());
        if (reply.corrupt()) {
            if (reply.response() instanceof ExceptionResponse) {
                pdu = Arrays.copyOf(pdu, 1);
            } else {
                pdu[1]++;
            }
        }
        return new MbapFrame(transactionId, 0, reply.unit(), pdu).encode();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MbapFrame f && f.transactionId == transactionId && f.protocolId == protocolId
                && f.unit == unit && Arrays.equals(f.pdu, pdu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transactionId, protocolId, unit, Arrays.hashCode(pdu));
    }

    @Override
    public String toString() {
        return "MbapFrame[" + transactionId + ", protocol " + protocolId + ", unit " + unit + ", "
                + HexFormat.of().withUpperCase().formatHex(pdu) + "]";
    }
}
