package org.openamr.simulator.modbus;

import static org.openamr.simulator.JsonText.string;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.ValueDefinition;

/**
 * The truth of a virtual Modbus bus as JSON, for tests and for whoever checks a master from outside
 * the process ({@code openamr simulate modbus --truth-out}):
 *
 * <pre>
 * {"source": "openamr simulate modbus",
 *  "settings": {"seed": 7, …},
 *  "map": {"name": "Danfoss SonoMeter Modbus RTU module", "file": "danfoss-sonometer.map", "unverified": true},
 *  "at": "2026-01-15T09:00:00Z",
 *  "units": [
 *   {"unit": 1, "meter": "Danfoss SonoSafe 10", "id": "12345678", "dataAt": "2026-01-15T08:53:20Z", "fault": null,
 *    "values": [{"name": "heatEnergy", "function": "03", "address": 8, "type": "float32", "quantity": "energy",
 *                "storage": 0, "tariff": 0, "subunit": 0, "value": "4711", "unit": "kWh", "source": "ENERGY"}, …]},
 *   …]}
 * </pre>
 *
 * Values are exact decimals as strings; one a reader cannot decode now is {@code null} with
 * {@code "valid": false}; {@code "source"} is the meter's register behind a value, {@code null} for
 * one the meter does not measure (served as 0); {@code "fault"} is the unit's fault as
 * {@code --fault} writes it. The unit is "" where there is none.
 */
final class ModbusTruthJson {

    private ModbusTruthJson() {
    }

    static void write(Writer out, VirtualModbusBus bus, List<UnitTruth> units, Map<String, String> settings)
            throws IOException {
        RegisterMap map = bus.map();
        StringBuilder sb = new StringBuilder("{\"source\": \"openamr simulate modbus\",\n \"settings\": {");
        String separator = "";
        for (Map.Entry<String, String> e : settings.entrySet()) {
            sb.append(separator).append(string(e.getKey())).append(": ").append(e.getValue());
            separator = ", ";
        }
        sb.append("},\n \"map\": {\"name\": ").append(string(map.name())).append(", \"file\": ")
                .append(string(map.source())).append(", \"unverified\": ").append(map.isUnverified()).append("},\n")
                .append(" \"at\": ").append(units.isEmpty() ? "null" : string(units.get(0).readAt().toString()))
                .append(",\n \"units\": [");
        out.write(sb.toString());
        for (int i = 0; i < units.size(); i++) {
            out.write((i == 0 ? "\n  " : ",\n  ") + unit(units.get(i), bus.fault(units.get(i).unit())));
        }
        out.write("]}\n");
    }

    private static String unit(UnitTruth u, Optional<UnitFault> fault) {
        StringBuilder sb = new StringBuilder("{\"unit\": ").append(u.unit()).append(", \"meter\": ")
                .append(string(u.type().displayName())).append(", \"id\": ").append(string(u.meterId()))
                .append(", \"dataAt\": ").append(string(u.dataAt().toString())).append(", \"fault\": ")
                .append(fault.map(f -> string(f.text())).orElse("null")).append(",\n   \"values\": [");
        for (int i = 0; i < u.values().size(); i++) {
            ServedValue v = u.values().get(i);
            ValueDefinition d = v.definition();
            sb.append(i == 0 ? "" : ",\n    ").append("{\"name\": ").append(string(d.name()))
                    .append(", \"function\": ").append(string(d.function().hex()))
                    .append(", \"address\": ").append(d.address())
                    .append(", \"type\": ").append(string(d.type().spelling()))
                    .append(", \"quantity\": ").append(string(d.quantity().jsonName()))
                    .append(", \"storage\": ").append(d.storage())
                    .append(", \"tariff\": ").append(d.tariff())
                    .append(", \"subunit\": ").append(d.subunit())
                    .append(", \"value\": ").append(v.value().map(x -> string(x.toPlainString()))
                            .orElse("null, \"valid\": false"))
                    .append(", \"unit\": ").append(string(d.unit() == Unit.NONE ? "" : d.unit().symbol()))
                    .append(", \"source\": ").append(v.source().map(r -> string(r.name())).orElse("null"))
                    .append('}');
        }
        return sb.append("]}").toString();
    }
}
