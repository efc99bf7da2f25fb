package org.openamr.modbus.map;

import java.util.Objects;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;

/**
 * One value of a register map: where it is, how it is coded and what it means, in the canonical
 * quantities and units of the M-Bus side so that both routes fill the same registers.
 *
 * @param name      the map's name for the value, unique in its map, e.g. {@code heatEnergy}
 * @param order     word order of a 32-bit type; null for one-register types and bits
 * @param storage   0 = current value, 1 = the due-date value, higher = other stored values (as M-Bus)
 * @param tariff    0 = no tariff register
 * @param subunit   0 = the meter itself; 1, 2 = its pulse inputs (as Danfoss numbers them on M-Bus)
 * @param line      the line of the map file that defined it, for messages
 */
public record ValueDefinition(String name, FunctionCode function, int address, DataType type, WordOrder order,
                              Scale scale, Quantity quantity, Unit unit, long storage, int tariff, int subunit,
                              int line) {

    public ValueDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        if (type.hasWordOrder() != (order != null)) {
            throw new IllegalArgumentException(name + ": a word order belongs to 32-bit types and only to them");
        }
        if ((type == DataType.BIT) != function.readsBits()) {
            throw new IllegalArgumentException(name + ": bits are read with functions 01/02, registers with 03/04");
        }
        if (address < 0 || lastAddress(address, type) > 0xFFFF) {
            throw new IllegalArgumentException(name + ": address " + address + " outside 0..65535");
        }
        if (storage < 0 || tariff < 0 || subunit < 0) {
            throw new IllegalArgumentException(name + ": storage, tariff and subunit are never negative");
        }
    }

    /** The last address the value takes: {@code address} for 16-bit types and bits, the next one for 32-bit types. */
    public int lastAddress() {
        return lastAddress(address, type);
    }

    private static int lastAddress(int address, DataType type) {
        return address + type.words() - 1;
    }

    /** True when the two take a common address of the same function. */
    public boolean overlaps(ValueDefinition other) {
        return function == other.function && address <= other.lastAddress() && other.address <= lastAddress();
    }

    /** For messages: {@code 03 8..9}. */
    public String range() {
        return function.hex() + " " + (type.words() == 1 ? Integer.toString(address) : address + ".." + lastAddress());
    }
}
