package org.openamr.gateway.serve;

import java.util.Objects;
import org.openamr.acquisition.modbus.ModbusAddress;
import org.openamr.modbus.UnitIds;
import org.openamr.serial.LineSettings;

/**
 * Where the RTU slave answers and as which unit: a serial port written as the Modbus master writes
 * it ({@code rtu:/dev/ttyS0?baud=9600&format=8E1}, parsed by {@link ModbusAddress}: 9600 baud and
 * 8E1 by default), and the slave's unit id.
 */
public record RtuPort(ModbusAddress.Serial address, int unitId) {

    public RtuPort {
        Objects.requireNonNull(address, "address");
        if (!UnitIds.valid(unitId)) {
            throw new IllegalArgumentException("RTU unit id " + unitId + " is outside " + UnitIds.FIRST + ".."
                    + UnitIds.LAST);
        }
    }

    /** @throws IllegalArgumentException naming what is wrong, e.g. a TCP address where a serial port belongs */
    public static RtuPort of(String address, int unitId) {
        ModbusAddress parsed = ModbusAddress.parse(address);
        if (!(parsed instanceof ModbusAddress.Serial serial)) {
            throw new IllegalArgumentException("'" + address + "' is no serial port: the RTU slave answers on"
                    + " rtu:/dev/ttyS0?baud=9600&format=8E1 or the like");
        }
        return new RtuPort(serial, unitId);
    }

    public String device() {
        return address.port();
    }

    public LineSettings line() {
        return address.line();
    }

    @Override
    public String toString() {
        return address + ", unit " + unitId;
    }
}
