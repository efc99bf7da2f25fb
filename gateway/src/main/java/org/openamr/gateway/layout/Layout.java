package org.openamr.gateway.layout;

import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.DataType;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;

/**
 * Where everything is in the gateway's registers (gateway/README.md has the table). Blocks of
 * {@link #BLOCK} registers: the gateway block at 0, the block of meter slot {@code k} (1…250) at
 * {@code k × BLOCK}, so that a meter's registers depend on its slot alone and never move. Holding
 * registers (03) and input registers (04) serve the same words.
 *
 * <p>The registers are described as {@link ValueDefinition}s of a register map: the image is encoded
 * through them and the published map is printed from them, so that the two cannot disagree.
 */
public final class Layout {

    /** Registers per block, the gateway's and each meter's: one read of 125 registers takes a whole block. */
    public static final int BLOCK = 64;
    /** Meter slots at most, as many as an M-Bus segment has primary addresses. */
    public static final int MAX_SLOTS = 250;
    /** Registers one read (03/04) may ask for, by the Modbus specification. */
    public static final int MAX_READ = 125;
    /** "OA" in ASCII: a client that finds it at address 0 reads an OpenAMR gateway. */
    public static final int MAGIC = 0x4F41;
    /** Changes when a register moves or changes meaning. */
    public static final int LAYOUT_VERSION = 1;
    /** The power of ten of the int32 values: thousandths of the slot's unit. */
    public static final int INT32_EXPONENT = -3;

    // gateway block
    public static final int G_MAGIC = 0;
    public static final int G_LAYOUT = 1;
    public static final int G_SERIAL = 2;
    public static final int G_VERSION = 4;
    public static final int G_FORMAT = 7;
    public static final int G_ORDER = 8;
    public static final int G_SLOTS = 9;
    public static final int G_METERS = 10;
    public static final int G_STRIDE = 11;
    public static final int G_FIRST_BLOCK = 12;
    public static final int G_VALUE_SLOTS = 13;
    public static final int G_VALUES_OFFSET = 14;
    public static final int G_LAST_CYCLE = 16;
    public static final int G_NOW = 18;
    public static final int G_CYCLES = 20;
    public static final int G_OK = 22;
    public static final int G_NOT_ANSWERING = 23;
    public static final int G_BAD_ANSWER = 24;
    public static final int G_CYCLE_SECONDS = 25;
    public static final int G_NEXT_CYCLE = 26;

    // meter block, offsets from the block's start
    public static final int ID = 0;
    public static final int MANUFACTURER = 2;
    public static final int VERSION = 3;
    public static final int MEDIUM = 4;
    public static final int PRIMARY = 5;
    public static final int STATUS = 6;
    public static final int FLAGS = 7;
    public static final int LAST_READOUT = 8;
    public static final int AGE = 10;
    public static final int LAST_ATTEMPT = 12;
    public static final int FAILURES = 14;
    public static final int PRESENT = 15;
    public static final int ROUNDED = 16;
    public static final int REFUSED = 17;
    public static final int ERROR_CODE = 18;
    public static final int DUE_DATE = 20;
    public static final int VALUES = 32;

    /** The primary-address register of a meter listed by its secondary address. */
    public static final int NO_PRIMARY = 0xFFFF;
    /** The age register of a meter with no values yet. */
    public static final long NO_AGE = 0xFFFF_FFFFL;

    // meter status flags (register FLAGS): the status byte of its answer, and its error code register
    public static final int FLAG_BUSY = 1;
    public static final int FLAG_APPLICATION_ERROR = 1 << 1;
    public static final int FLAG_POWER_LOW = 1 << 2;
    public static final int FLAG_PERMANENT_ERROR = 1 << 3;
    public static final int FLAG_TEMPORARY_ERROR = 1 << 4;
    public static final int FLAG_ERROR_CODE = 1 << 5;

    private Layout() {
    }

    /** The first register of slot {@code slot}'s block; slot 0 is the gateway block. */
    public static int blockStart(int slot) {
        return slot * BLOCK;
    }

    /** The registers of the gateway block, at their addresses. */
    public static List<ValueDefinition> gatewayBlock(WordOrder order) {
        Builder b = new Builder(0, order);
        b.u16("gatewayMagic", G_MAGIC).u16("layoutVersion", G_LAYOUT).u32("gatewaySerial", G_SERIAL)
                .u16("softwareVersionMajor", G_VERSION).u16("softwareVersionMinor", G_VERSION + 1)
                .u16("softwareVersionPatch", G_VERSION + 2).u16("valueFormat", G_FORMAT).u16("wordOrder", G_ORDER)
                .u16("meterSlots", G_SLOTS).u16("metersListed", G_METERS).u16("blockStride", G_STRIDE)
                .u16("firstMeterBlock", G_FIRST_BLOCK).u16("valueSlots", G_VALUE_SLOTS)
                .u16("valuesOffset", G_VALUES_OFFSET).u32("lastCycleUnixTime", G_LAST_CYCLE)
                .u32("clockUnixTime", G_NOW).u32("cycles", G_CYCLES).u16("metersOk", G_OK)
                .u16("metersNotAnswering", G_NOT_ANSWERING).u16("metersBadAnswer", G_BAD_ANSWER)
                .u16("cycleSeconds", G_CYCLE_SECONDS).u32("nextCycleUnixTime", G_NEXT_CYCLE);
        return b.list;
    }

    /** The fixed registers of meter slot {@code slot}'s block (everything but the value slots), at their addresses. */
    public static List<ValueDefinition> meterFields(int slot, WordOrder order) {
        requireSlot(slot);
        Builder b = new Builder(blockStart(slot), order);
        b.add("id", ID, DataType.BCD32, Quantity.FABRICATION_NUMBER, Unit.NONE)
                .add("manufacturer", MANUFACTURER, DataType.UINT16, Quantity.MANUFACTURER, Unit.NONE)
                .add("version", VERSION, DataType.UINT16, Quantity.MODEL_VERSION, Unit.NONE)
                .add("medium", MEDIUM, DataType.UINT16, Quantity.MEDIUM, Unit.NONE)
                .add("primaryAddress", PRIMARY, DataType.UINT16, Quantity.BUS_ADDRESS, Unit.NONE)
                .u16("status", STATUS).u16("meterFlags", FLAGS).u32("lastReadoutUnixTime", LAST_READOUT)
                .add("age", AGE, DataType.UINT32, Quantity.DURATION_SINCE_LAST_READOUT, Unit.SECOND)
                .u32("lastAttemptUnixTime", LAST_ATTEMPT).u16("failedAttempts", FAILURES)
                .u16("valuesPresent", PRESENT).u16("valuesRounded", ROUNDED).u16("valuesRefused", REFUSED)
                .add("errorCode", ERROR_CODE, DataType.UINT32, Quantity.ERROR_FLAGS, Unit.NONE)
                .u32("dueDateUnixTime", DUE_DATE);
        return b.list;
    }

    /** The definition of one value slot of meter slot {@code slot}, as served in {@code format}. */
    public static ValueDefinition value(int slot, ValueSlot value, ValueFormat format, WordOrder order) {
        requireSlot(slot);
        int exponent = format == ValueFormat.INT32 ? INT32_EXPONENT : 0;
        return new ValueDefinition(value.mapName(), FunctionCode.READ_HOLDING_REGISTERS, blockStart(slot) + value.offset(),
                format.type(), order, new Scale.Fixed(exponent), value.quantity(), value.unit(), value.storage(),
                value.tariff(), value.subunit(), 0);
    }

    private static void requireSlot(int slot) {
        if (slot < 1 || slot > MAX_SLOTS) {
            throw new IllegalArgumentException("meter slot " + slot + " is outside 1.." + MAX_SLOTS);
        }
    }

    /** Definitions of plain numbers of a block (no quantity of their own, no power of ten). */
    private static final class Builder {
        private final int base;
        private final WordOrder order;
        private final List<ValueDefinition> list = new ArrayList<>();

        Builder(int base, WordOrder order) {
            this.base = base;
            this.order = order;
        }

        Builder u16(String name, int offset) {
            return add(name, offset, DataType.UINT16, Quantity.DIMENSIONLESS, Unit.NONE);
        }

        Builder u32(String name, int offset) {
            return add(name, offset, DataType.UINT32, Quantity.DIMENSIONLESS, Unit.NONE);
        }

        Builder add(String name, int offset, DataType type, Quantity quantity, Unit unit) {
            list.add(new ValueDefinition(name, FunctionCode.READ_HOLDING_REGISTERS, base + offset, type,
                    type.hasWordOrder() ? order : null, new Scale.Fixed(0), quantity, unit, 0, 0, 0, 0));
            return this;
        }
    }
}
