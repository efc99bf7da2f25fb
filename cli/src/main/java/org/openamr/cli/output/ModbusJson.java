package org.openamr.cli.output;

import org.openamr.modbus.value.ModbusValue;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a Modbus read, shaped as {@code openamr read --json}: where and when, then
 * {@code records} with storage, tariff, subunit, function, quantity, unit and the exact value as a
 * string, plus the map's {@code name} for each.
 */
public final class ModbusJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModbusJson() {
    }

    public static ObjectNode read(ModbusRead read) {
        ObjectNode root = NODES.objectNode();
        root.put("channel", read.channel());
        root.put("unit", read.unit());
        root.put("readAt", read.readAt().toString());
        root.put("durationMs", read.duration().toMillis());
        root.put("requests", read.requests());
        root.put("map", read.map().name());
        read.map().unverified().ifPresent(why -> root.put("mapUnverified", why));
        ArrayNode records = root.putArray("records");
        for (ModbusValue v : read.values()) {
            ObjectNode o = records.addObject();
            o.put("name", v.name());
            o.put("storage", v.storage());
            o.put("tariff", v.tariff());
            o.put("subunit", v.subunit());
            o.put("function", "instantaneous");
            o.put("quantity", v.quantity().jsonName());
            o.put("unit", v.unit().symbol());
            o.put("value", plain(v));
        }
        return root;
    }

    /** The exact value as the JSON contract writes numbers: plain digits, never an exponent. */
    static String plain(ModbusValue v) {
        return v.value().toPlainString();
    }
}
