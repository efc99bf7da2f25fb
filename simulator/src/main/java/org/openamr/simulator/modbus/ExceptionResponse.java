package org.openamr.simulator.modbus;

import java.util.Optional;
import org.openamr.modbus.ExceptionCode;

/**
 * A slave's refusal of a request.
 *
 * <pre>
 * byte  0     the request's function code + 0x80
 * byte  1     exception code: 01 illegal function, 02 illegal data address, 03 illegal data value …
 * </pre>
 *
 * @param functionCode  the request's function code, without the high bit
 * @param exceptionCode 1..255; {@link ExceptionCode} names the assigned ones
 */
public record ExceptionResponse(int functionCode, int exceptionCode) implements ModbusResponse {

    public ExceptionResponse {
        if (functionCode < 0 || functionCode > 0x7F) {
            throw new IllegalArgumentException("an exception answers a function code 0..0x7F, got " + functionCode);
        }
        if (exceptionCode < 1 || exceptionCode > 0xFF) {
            throw new IllegalArgumentException("an exception code is 1..255, got " + exceptionCode);
        }
    }

    public ExceptionResponse(int functionCode, ExceptionCode code) {
        this(functionCode, code.code());
    }

    @Override
    public int functionCodeByte() {
        return functionCode | 0x80;
    }

    /** The assigned code, if it is one. */
    public Optional<ExceptionCode> code() {
        return ExceptionCode.byCode(exceptionCode);
    }
}
