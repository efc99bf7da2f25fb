package org.openamr.acquisition.modbus;

import java.util.Optional;
import org.openamr.modbus.ExceptionCode;
import org.openamr.modbus.FunctionCode;

/**
 * The slave answered with an exception code instead of data. Not tried again: the same request gets
 * the same refusal. The unit exists (unless a gateway answers 0A or 0B for it, see {@link #fromGateway()}).
 */
public final class SlaveRefusedException extends ModbusMasterException {

    private final FunctionCode function;
    private final int rawCode;

    public SlaveRefusedException(String channel, int unit, FunctionCode function, int start, int count, int rawCode) {
        super(channel, unit, describe(rawCode) + " to a read of " + function.table() + " "
                + (count == 1 ? Integer.toString(start) : start + ".." + (start + count - 1)) + " (function "
                + function.hex() + ")" + ExceptionCode.byCode(rawCode).map(c -> ": " + c.meaningEn()).orElse(""),
                null);
        this.function = function;
        this.rawCode = rawCode;
    }

    private static String describe(int rawCode) {
        return "exception " + ExceptionCode.byCode(rawCode).map(ExceptionCode::describe)
                .orElse(String.format("%02X (not assigned by the Modbus specification)", rawCode));
    }

    /** The code as the slave sent it, also when the specification assigns it no meaning. */
    public int rawCode() {
        return rawCode;
    }

    /** The code with its name and meaning; empty for unassigned codes such as 09. */
    public Optional<ExceptionCode> code() {
        return ExceptionCode.byCode(rawCode);
    }

    /** The function of the refused request. */
    public FunctionCode function() {
        return function;
    }

    /**
     * True for 0A and 0B, which a gateway sends on behalf of a unit it could not reach: they say
     * nothing about the unit except that it did not answer.
     */
    public boolean fromGateway() {
        return rawCode == ExceptionCode.GATEWAY_PATH_UNAVAILABLE.code()
                || rawCode == ExceptionCode.GATEWAY_TARGET_FAILED_TO_RESPOND.code();
    }

    @Override
    public String kind() {
        return "exception";
    }
}
