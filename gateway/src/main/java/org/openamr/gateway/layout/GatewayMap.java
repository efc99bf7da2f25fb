package org.openamr.gateway.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;

/**
 * The gateway's registers as a register map file (modbus/README.md, "Map files"), so that any reader
 * of maps ({@code openamr modbus read --map}) reads a gateway. A map file has fixed addresses, so a map
 * describes the gateway block and one meter slot: one map per slot, printed on demand by
 * {@code openamr gateway map --slot K}; the built-in map {@code OpenAMR gateway} is the one of slot 1
 * with int32 values and big word order.
 */
public final class GatewayMap {

    private GatewayMap() {
    }

    /** The map's name: unique per slot and coding, so that the maps of several slots can sit in one directory. */
    public static String name(int slot, ValueFormat format, WordOrder order) {
        return slot == 1 && format == ValueFormat.INT32 && order == WordOrder.BIG ? "OpenAMR gateway"
                : "OpenAMR gateway slot " + slot + " " + spelling(format) + " " + spelling(order);
    }

    /** Every register of the gateway block and of meter slot {@code slot}'s block. */
    public static List<ValueDefinition> definitions(int slot, ValueFormat format, WordOrder order) {
        List<ValueDefinition> all = new ArrayList<>(Layout.gatewayBlock(order));
        all.addAll(Layout.meterFields(slot, order));
        for (ValueSlot v : ValueSlot.values()) {
            all.add(Layout.value(slot, v, format, order));
        }
        return all;
    }

    /** The map file's text. */
    public static String text(int slot, ValueFormat format, WordOrder order) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # The registers of an OpenAMR M-Bus -> Modbus gateway (openamr gateway; layout in gateway/README.md):
                # the gateway block (addresses 0-63) and the block of meter slot %d (addresses %d-%d), values as %s,
                # %s word order. Another slot's map: openamr gateway map --slot K (slot K's block starts at K x 64).
                # Holding registers (03) and input registers (04) hold the same words.
                # A value the meter did not send holds the no-value code (int32 0x80000000, float32 NaN) and its bit
                # in valuesPresent is 0; a reader through this map leaves such a value out (the novalue lines).
                # Generated from the gateway's layout; do not edit (a copy with the same name replaces it).

                """.formatted(slot, Layout.blockStart(slot), Layout.blockStart(slot) + Layout.BLOCK - 1,
                format == ValueFormat.INT32 ? "int32 in thousandths of their unit" : "float32 in their unit",
                spelling(order)));
        sb.append("map    | ").append(name(slot, format, order)).append('\n');
        sb.append("models | OpenAMR gateway\n");
        // a reader through this map leaves a value the meter did not send out instead of showing a number
        sb.append("novalue | int32 | 0x80000000\n");
        sb.append("novalue | float32 | NaN\n\n");
        sb.append("# value | name | function | address | type | order | scale | quantity | unit | storage | tariff | subunit\n");
        for (ValueDefinition d : definitions(slot, format, order)) {
            sb.append(String.join(" | ", "value", d.name(), d.function().hex(), Integer.toString(d.address()),
                    d.type().spelling(), d.order() == null ? "-" : spelling(d.order()), scale(d.scale()),
                    d.quantity().jsonName(), d.unit().symbol().isEmpty() ? "-" : d.unit().symbol(),
                    d.storage() == 0 ? "current" : d.storage() == 1 ? "dueDate" : Long.toString(d.storage()),
                    Integer.toString(d.tariff()), Integer.toString(d.subunit()))).append('\n');
        }
        return sb.toString();
    }

    private static String scale(Scale s) {
        int e = ((Scale.Fixed) s).exponent();
        return e > 0 ? "+" + e : Integer.toString(e);
    }

    private static String spelling(ValueFormat f) {
        return f.name().toLowerCase(Locale.ROOT);
    }

    private static String spelling(WordOrder o) {
        return o.name().toLowerCase(Locale.ROOT);
    }
}
