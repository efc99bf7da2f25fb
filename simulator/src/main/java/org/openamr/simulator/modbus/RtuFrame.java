package org.openamr.simulator.modbus;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A Modbus RTU frame (application data unit on a serial line) whose CRC was checked.
 *
 * <pre>
 * byte  0       unit id (slave address): 1..247, 0 broadcast
 * bytes 1..n    the PDU, function code first
 * bytes n+1..   CRC-16/MODBUS of bytes 0..n, low byte first ({@link Crc16})
 * </pre>
 *
 * A frame is at most 256 bytes: a PDU of at most 253.
 */
public record RtuFrame(int unit, byte[] pdu) {

    public static final int MAX_LENGTH = 256;

    public RtuFrame {
        if (unit < 0 || unit > 0xFF) {
            throw new IllegalArgumentException("a unit id is one byte, got " + unit);
        }
        pdu = pdu.clone();
        if (pdu.length < 1 || pdu.length > MAX_LENGTH - 3) {
            throw new IllegalArgumentException("an RTU frame holds a PDU of 1.." + (MAX_LENGTH - 3) + " bytes, got "
                    + pdu.length);
        }
    }

    @Override
    public byte[] pdu() {
        return pdu.clone();
    }

    /** The bytes on the wire, CRC included. */
    public byte[] encode() {
        byte[] out = new byte[pdu.length + 3];
        out[0] = (byte) unit;
        System.arraycopy(pdu, 0, out, 1, pdu.length);
        int crc = Crc16.of(out, 0, out.length - 2);
        out[out.length - 2] = (byte) crc;
        out[out.length - 1] = (byte) (crc >>> 8);
        return out;
    }

    /** The frame in {@code bytes[0..length)}, if its CRC is right. */
    public static Optional<RtuFrame> decode(byte[] bytes, int length) {
        if (length < 4 || length > MAX_LENGTH || !Crc16.matches(bytes, length)) {
            return Optional.empty();
        }
        return Optional.of(new RtuFrame(bytes[0] & 0xFF, Arrays.copyOfRange(bytes, 1, length - 2)));
    }

    /** The bytes of a slave's reply: {@link #encode()}, with the CRC's low byte inverted for a damaged one. */
    public static byte[] reply(SlaveReply reply) {
        byte[] out = new RtuFrame(reply.unit(), PduCodec.response(reply.response())).encode();
        if (reply.corrupt()) {
            out[out.length - 2] ^= (byte) 0xFF;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RtuFrame f && f.unit == unit && Arrays.equals(f.pdu, pdu);
    }

    @Override
    public int hashCode() {
        return Objects.hash(unit, Arrays.hashCode(pdu));
    }

    @Override
    public String toString() {
        return "RtuFrame[unit " + unit + ", " + HexFormat.of().withUpperCase().formatHex(pdu) + "]";
    }
}
