package org.openamr.collector.readout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link MeterReadout} as JSON, for the store and for outputs that write JSON. Values are decimal
 * strings ({@code "12.340"}): a double would round a meter's reading and drop its scale, and the store
 * must give back exactly what the meter said.
 */
public final class ReadoutJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReadoutJson() {
    }

    public static ObjectNode node(MeterReadout r) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode m = o.putObject("meter");
        m.put("serial", r.meter().serial());
        r.meter().manufacturer().ifPresent(v -> m.put("manufacturer", v));
        r.meter().version().ifPresent(v -> m.put("version", v));
        r.meter().medium().ifPresent(v -> m.put("medium", v));
        o.put("readAt", r.readAt().toString());
        ArrayNode values = o.putArray("values");
        for (RegisterValue v : r.values()) {
            ObjectNode n = values.addObject();
            RegisterKey k = v.key();
            n.put("quantity", k.quantity().name());
            n.put("unit", k.unit().name());
            n.put("storage", k.storage());
            n.put("tariff", k.tariff());
            n.put("subunit", k.subunit());
            n.put("function", k.function().name());
            if (!k.qualifier().isEmpty()) {
                n.put("qualifier", k.qualifier());
            }
            n.put("at", v.measuredAt().toString());
            n.put("value", v.value().toString()); // toString keeps the scale: 12.340 stays 12.340
        }
        ArrayNode conditions = o.putArray("conditions");
        for (MeterCondition c : r.conditions()) {
            ObjectNode n = conditions.addObject();
            n.put("code", c.code());
            n.put("en", c.labelEn());
            n.put("ru", c.labelRu());
            n.put("stopsIntegration", c.stopsIntegration());
        }
        return o;
    }

    public static String write(MeterReadout r) {
        return JSON.writeValueAsString(node(r));
    }

    public static MeterReadout read(String json) {
        return read(JSON.readTree(json));
    }

    public static MeterReadout read(JsonNode o) {
        JsonNode m = o.get("meter");
        MeterIdentity id = new MeterIdentity(m.get("serial").asString(),
                Optional.ofNullable(m.get("manufacturer")).map(JsonNode::asString),
                Optional.ofNullable(m.get("version")).map(JsonNode::asInt),
                Optional.ofNullable(m.get("medium")).map(JsonNode::asInt));
        List<RegisterValue> values = new ArrayList<>();
        for (JsonNode n : o.get("values")) {
            RegisterKey key = new RegisterKey(Quantity.valueOf(n.get("quantity").asString()), Unit.valueOf(n.get("unit").asString()),
                    n.get("storage").asLong(), n.get("tariff").asInt(), n.get("subunit").asInt(),
                    Function.valueOf(n.get("function").asString()),
                    n.has("qualifier") ? n.get("qualifier").asString() : "");
            values.add(new RegisterValue(key, Instant.parse(n.get("at").asString()), new BigDecimal(n.get("value").asString())));
        }
        List<MeterCondition> conditions = new ArrayList<>();
        for (JsonNode n : o.get("conditions")) {
            conditions.add(new MeterCondition(n.get("code").asString(), n.get("en").asString(), n.get("ru").asString(),
                    n.get("stopsIntegration").asBoolean()));
        }
        return new MeterReadout(id, Instant.parse(o.get("readAt").asString()), values, conditions);
    }

    /** A whole batch: {@code {"collector": …, "sequence": …, "readouts": [...]}}. */
    public static String write(Batch b) {
        ObjectNode o = JSON.createObjectNode();
        o.put("collector", b.collector());
        o.put("sequence", b.sequence());
        ArrayNode list = o.putArray("readouts");
        b.readouts().forEach(r -> list.add(node(r)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o);
    }

    public static Batch readBatch(String json) {
        JsonNode o = JSON.readTree(json);
        List<MeterReadout> readouts = new ArrayList<>();
        o.get("readouts").forEach(n -> readouts.add(read(n)));
        return new Batch(o.get("collector").asString(), o.get("sequence").asLong(), readouts);
    }
}
