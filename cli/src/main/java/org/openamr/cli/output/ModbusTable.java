package org.openamr.cli.output;

import java.util.List;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.value.ModbusValue;

/** The readable form of a Modbus read: where, when and with which map, then one line per value as {@code openamr read} prints records. */
public final class ModbusTable {

    private ModbusTable() {
    }

    public static String read(ModbusRead read) {
        StringBuilder sb = new StringBuilder();
        sb.append("Read               unit ").append(read.unit()).append(" on ").append(read.channel()).append(" at ")
                .append(read.readAt()).append("  (").append(read.requests()).append(" requests, ")
                .append(read.duration().toMillis()).append(" ms)\n");
        RegisterMap map = read.map();
        sb.append("Map                ").append(map.name()).append(" (").append(map.source()).append(")\n");
        map.unverified().ifPresent(why -> sb.append("Unverified         ").append(why).append('\n'));
        values(sb, read.values());
        return sb.toString();
    }

    private static void values(StringBuilder sb, List<ModbusValue> values) {
        sb.append('\n').append(TelegramTable.RECORD_FORMAT.formatted("#", "storage", "tariff", "subunit", "function",
                "quantity", "value", "unit", "name"));
        int n = 1;
        for (ModbusValue v : values) {
            sb.append(TelegramTable.RECORD_FORMAT.formatted(n++, v.storage(), v.tariff(), v.subunit(),
                    "instantaneous", v.quantity().jsonName(), ModbusJson.plain(v), v.unit().symbol(), v.name()));
        }
    }
}
