package org.openamr.gateway;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openamr.gateway.layout.GatewayMap;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.gateway.layout.ValueSlot;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterBlock;
import org.openamr.modbus.value.RegisterDecoder;

/**
 * The gateway as an independent client sees it: j2mod reads the gateway block and a meter block with
 * function 03, and the published map's definitions decode them. A value slot whose bit in
 * valuesPresent is 0 is left out (it holds the no-value code).
 */
final class GatewayClient {

    /** The unit id the TCP tests use; the TCP server answers any. */
    static final int UNIT = 1;
    private static final Map<String, ValueSlot> SLOTS = java.util.Arrays.stream(ValueSlot.values())
            .collect(java.util.stream.Collectors.toMap(ValueSlot::mapName, v -> v));

    private final AbstractModbusMaster master;
    private final ValueFormat format;
    private final WordOrder order;
    private final int unit;

    GatewayClient(AbstractModbusMaster master, ValueFormat format, WordOrder order, int unit) {
        this.master = master;
        this.format = format;
        this.order = order;
        this.unit = unit;
    }

    GatewayClient(AbstractModbusMaster master, ValueFormat format, WordOrder order) {
        this(master, format, order, UNIT);
    }

    static RegisterBlock block(FunctionCode function, int start, InputRegister[] registers) {
        int[] words = new int[registers.length];
        for (int i = 0; i < words.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
        return new RegisterBlock(function, start, words);
    }

    /** Every register of the gateway block and of the slot's block, by its map name. */
    Map<String, BigDecimal> read(int slot) throws Exception {
        List<RegisterBlock> blocks = List.of(
                block(FunctionCode.READ_HOLDING_REGISTERS, 0, master.readMultipleRegisters(unit, 0, Layout.BLOCK)),
                block(FunctionCode.READ_HOLDING_REGISTERS, Layout.blockStart(slot),
                        master.readMultipleRegisters(unit, Layout.blockStart(slot), Layout.BLOCK)));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        int present = -1;
        for (ValueDefinition d : GatewayMap.definitions(slot, format, order)) {
            ValueSlot v = SLOTS.get(d.name());
            if (v != null && (present & v.bit()) == 0) {
                continue;
            }
            BigDecimal value = RegisterDecoder.decode(d, blocks).value();
            if (d.name().equals("valuesPresent")) {
                present = value.intValueExact();
            }
            out.put(d.name(), value);
        }
        return out;
    }

    /** The words of {@code count} registers from {@code address} by function 03. */
    int[] holding(int address, int count) throws ModbusException {
        return java.util.Arrays.stream(master.readMultipleRegisters(unit, address, count))
                .mapToInt(InputRegister::toUnsignedShort).toArray();
    }

    /** The same by function 04. */
    int[] input(int address, int count) throws ModbusException {
        return java.util.Arrays.stream(master.readInputRegisters(unit, address, count))
                .mapToInt(InputRegister::toUnsignedShort).toArray();
    }
}
