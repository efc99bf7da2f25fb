package org.openamr.simulator.radio;

import static org.openamr.simulator.JsonText.string;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.openamr.mbus.value.Value;

/**
 * Writes the truth of a radio simulation as JSON, one telegram a line, while the telegrams are
 * made (a month of a building's telegrams need not fit in memory):
 *
 * <pre>
 * {"source": "openamr simulate radio",
 *  "settings": {"seed": 7, "meters": 20, "security": "mixed", "interval": "2m", "jitter": "12s",
 *               "start": "2026-11-24T10:00:00.000Z", "period": "1h"},
 *  "meters": [
 *   {"manufacturer": "DFS", "id": "68410001", "type": "Danfoss SonoSafe 10", "mode": "C1", "security": 5, "rssi": -67},
 *   …],
 *  "telegrams": [
 *   {"at": "2026-11-24T10:00:03.125Z", "manufacturer": "DFS", "id": "68410001", "accessNumber": 17, "status": 0,
 *    "values": [{"register": "ENERGY", "quantity": "energy", "storage": 0, "tariff": 0, "subunit": 0,
 *                "value": "1234", "unit": "kWh"}, …]},
 *   …]}
 * </pre>
 *
 * Values are strings: exact decimals as the decoder prints them, ISO dates and date-times; a value
 * the meter cannot measure is {@code null} with {@code "valid": false}. The unit is "" where there
 * is none. No key appears.
 */
final class TruthJsonWriter {

    private final Writer out;
    private boolean first = true;

    /** Writes everything up to the telegrams. */
    TruthJsonWriter(Writer out, RadioSettings s, List<RadioMeter> meters) throws IOException {
        this.out = out;
        out.write("{\"source\": \"openamr simulate radio\",\n \"settings\": {\"seed\": " + s.seed() + ", \"meters\": "
                + s.meters() + ", \"security\": " + string(s.security().text()) + ", \"interval\": "
                + string(DurationText.format(s.interval())) + ", \"jitter\": " + string(DurationText.format(s.jitter()))
                + ", \"start\": " + string(s.start().toString()) + ", \"period\": "
                + (s.period() == null ? "null" : string(DurationText.format(s.period()))) + "},\n \"meters\": [");
        for (int i = 0; i < meters.size(); i++) {
            RadioMeter m = meters.get(i);
            out.write((i == 0 ? "\n  " : ",\n  ") + "{\"manufacturer\": " + string(m.manufacturer()) + ", \"id\": "
                    + string(m.id()) + ", \"type\": " + string(m.meter().type().displayName()) + ", \"mode\": "
                    + string(m.mode().name()) + ", \"security\": " + m.securityMode() + ", \"rssi\": " + m.rssiDbm() + "}");
        }
        out.write("],\n \"telegrams\": [");
    }

    void telegram(TelegramTruth t) throws IOException {
        StringBuilder sb = new StringBuilder(first ? "\n  " : ",\n  ");
        first = false;
        sb.append("{\"at\": ").append(string(t.at().toString())).append(", \"manufacturer\": ")
                .append(string(t.manufacturer())).append(", \"id\": ").append(string(t.id()))
                .append(", \"accessNumber\": ").append(t.accessNumber()).append(", \"status\": ").append(t.status())
                .append(", \"values\": [");
        for (int i = 0; i < t.values().size(); i++) {
            TruthValue v = t.values().get(i);
            sb.append(i == 0 ? "" : ", ").append("{\"register\": ").append(string(v.register().name()))
                    .append(", \"quantity\": ").append(string(v.register().quantity().jsonName()))
                    .append(", \"storage\": ").append(v.register().storage())
                    .append(", \"tariff\": ").append(v.register().tariff())
                    .append(", \"subunit\": ").append(v.register().subunit())
                    .append(", \"value\": ").append(v.value() instanceof Value.Unavailable ? "null, \"valid\": false"
                            : string(v.text()))
                    .append(", \"unit\": ").append(string(v.unit().symbol())).append('}');
        }
        out.write(sb.append("]}").toString());
    }

    /** Closes the JSON document (not the writer). */
    void end() throws IOException {
        out.write("]}\n");
    }
}
