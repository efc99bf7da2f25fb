package org.openamr.simulator.modbus;

import java.util.Optional;
import org.openamr.modbus.FunctionCode;

/**
 * Request PDUs from bytes and response PDUs to bytes, by the layouts of the records' Javadoc.
 * Pure functions; the framing (RTU, MBAP) is someone else's.
 */
public final class PduCodec {

    private PduCodec() {
    }

    /**
     * The request in {@code pdu}: a read of 01..04, or what the slaves do not serve.
     *
     * @throws IllegalArgumentException for an empty PDU (a frame of a unit id and nothing else)
     */
    public static ModbusRequest request(byte[] pdu) {
        if (pdu.length == 0) {
            throw new IllegalArgumentException("a request PDU has at least its function code");
        }
        int code = pdu[0] & 0xFF;
        Optional<FunctionCode> function = FunctionCode.byCode(code);
        if (function.isEmpty()) {
            return new UnsupportedRequest(code);
        }
        if (pdu.length != ReadRequest.LENGTH) {
            return new MalformedRequest(code, pdu.length);
        }
        return new ReadRequest(function.get(), word(pdu, 1), word(pdu, 3));
    }

    /** The bytes of a response PDU. */
    public static byte[] response(ModbusResponse response) {
        if (response instanceof RegistersResponse r) {
            int[] words = r.words();
            byte[] out = new byte[2 + 2 * words.length];
            out[0] = (byte) r.functionCodeByte();
            out[1] = (byte) (2 * words.length);
            for (int i = 0; i < words.length; i++) {
                out[2 + 2 * i] = (byte) (words[i] >> 8);
                out[3 + 2 * i] = (byte) words[i];
            }
            return out;
        }
        if (response instanceof BitsResponse b) {
            boolean[] bits = b.bits();
            byte[] out = new byte[2 + (bits.length + 7) / 8];
            out[0] = (byte) b.functionCodeByte();
            out[1] = (byte) (out.length - 2);
            for (int i = 0; i < bits.length; i++) {
                if (bits[i]) {
                    out[2 + i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return out;
        }
        ExceptionResponse e = (ExceptionResponse) response;
        return new byte[] {(byte) e.functionCodeByte(), (byte) e.exceptionCode()};
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }
}
