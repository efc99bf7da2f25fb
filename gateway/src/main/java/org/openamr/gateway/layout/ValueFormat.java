package org.openamr.gateway.layout;

import org.openamr.modbus.map.DataType;

/**
 * How the value slots are coded: a signed 32-bit integer in thousandths of the slot's unit, or an
 * IEEE 754 single-precision float in the slot's unit. {@link #code()} is what the gateway block says.
 */
public enum ValueFormat {
    INT32(0, DataType.INT32),
    FLOAT32(1, DataType.FLOAT32);

    private final int code;
    private final DataType type;

    ValueFormat(int code, DataType type) {
        this.code = code;
        this.type = type;
    }

    public int code() {
        return code;
    }

    public DataType type() {
        return type;
    }
}
