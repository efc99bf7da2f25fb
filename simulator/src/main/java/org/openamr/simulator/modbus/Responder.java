package org.openamr.simulator.modbus;

import org.openamr.modbus.ExceptionCode;

/**
 * What a slave answers to a request, from its register image: a pure function, checked in the
 * order of the specification's request processing (function, then quantity, then addresses).
 */
public final class Responder {

    /** Registers one read of 03 or 04 may ask for: a response's 250 data bytes. */
    public static final int MAX_REGISTERS = 125;
    /** Bits one read of 01 or 02 may ask for. */
    public static final int MAX_BITS = 2000;

    private Responder() {
    }

    /**
     * The response to {@code request}: the data, or exception 01 for a function without data here,
     * 03 for a quantity out of range or a malformed request, 02 for addresses outside what is served.
     */
    public static ModbusResponse respond(RegisterImage image, ModbusRequest request) {
        if (request instanceof UnsupportedRequest) {
            return refuse(request, ExceptionCode.ILLEGAL_FUNCTION);
        }
        if (request instanceof MalformedRequest) {
            return refuse(request, ExceptionCode.ILLEGAL_DATA_VALUE);
        }
        ReadRequest r = (ReadRequest) request;
        if (!image.serves(r.function())) {
            return refuse(r, ExceptionCode.ILLEGAL_FUNCTION);
        }
        int max = r.function().readsBits() ? MAX_BITS : MAX_REGISTERS;
        if (r.quantity() < 1 || r.quantity() > max) {
            return refuse(r, ExceptionCode.ILLEGAL_DATA_VALUE);
        }
        if (!image.covers(r.function(), r.address(), r.quantity())) {
            return refuse(r, ExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
        int[] words = image.read(r.function(), r.address(), r.quantity());
        if (!r.function().readsBits()) {
            return new RegistersResponse(r.function(), words);
        }
        boolean[] bits = new boolean[words.length];
        for (int i = 0; i < words.length; i++) {
            bits[i] = words[i] != 0;
        }
        return new BitsResponse(r.function(), bits);
    }

    private static ExceptionResponse refuse(ModbusRequest request, ExceptionCode code) {
        return new ExceptionResponse(request.functionCode(), code);
    }
}
