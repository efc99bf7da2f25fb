package org.openamr.collector.output.mqtt;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.mbus.app.ManufacturerNames;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the MQTT output publishes: one state message per meter readout, and the Home Assistant discovery
 * configs that make a meter's energy and volume appear in Home Assistant without YAML. Numbers are written from
 * {@link BigDecimal} in plain notation, never through a double, so {@code 1234.567} arrives as {@code 1234.567}.
 *
 * <p>State message ({@code openamr/<collector>/<meter>}):
 * <pre>{@code
 * {"collector":"lenina-12","meter":"12345678","manufacturer":"DFS","medium":"heat","readAt":"2026-12-05T10:00:00Z",
 *  "values":[{"quantity":"energy","value":1.234,"unit":"Gcal","storage":0,"tariff":0,"subunit":0,
 *             "function":"instantaneous","qualifier":"","measuredAt":"2026-12-05T10:00:00Z"}, ...],
 *  "conditions":[{"code":"LOW_BATTERY","label":"Battery low"}],
 *  "state":{"energy":1435.142,"volume":12.345}}
 * }</pre>
 * {@code state} holds the current registers (storage, tariff and subunit 0, instantaneous, no qualifier) of the
 * quantities announced to Home Assistant, in the units announced there; the discovery's value_template reads it.
 */
public final class MqttMessages {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    /** 1 Gcal = 4.1868 GJ (international table calorie) = 1163 kWh exactly. */
    private static final BigDecimal KWH_PER_GCAL = new BigDecimal("1163");

    private MqttMessages() {
    }

    /** A register converted to a unit Home Assistant accepts for its device class. */
    public record HaValue(Quantity quantity, String deviceClass, String unit, BigDecimal value) {
    }

    /** One discovery config: its topic and its JSON. */
    public record Discovery(String topic, byte[] payload) {
    }

    /** The characters MQTT topics and Home Assistant object ids cannot take become '_'. */
    public static String topicPart(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static String stateTopic(String prefix, String collector, MeterIdentity meter) {
        return prefix + "/" + topicPart(collector) + "/" + topicPart(meter.serial());
    }

    public static byte[] state(String collector, MeterReadout readout) {
        MeterIdentity meter = readout.meter();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("collector", collector);
            g.writeStringProperty("meter", meter.serial());
            g.writeStringProperty("manufacturer", meter.manufacturer().orElse(null));
            g.writeStringProperty("medium", medium(meter).map(Medium::jsonName).orElse(null));
            g.writeStringProperty("readAt", readout.readAt().toString());
            g.writeArrayPropertyStart("values");
            for (RegisterValue v : readout.values()) {
                RegisterKey key = v.key();
                g.writeStartObject();
                g.writeStringProperty("quantity", key.quantity().jsonName());
                g.writeNumberProperty("value", v.value());
                g.writeStringProperty("unit", key.unit().symbol());
                g.writeNumberProperty("storage", key.storage());
                g.writeNumberProperty("tariff", key.tariff());
                g.writeNumberProperty("subunit", key.subunit());
                g.writeStringProperty("function", key.function().jsonName());
                g.writeStringProperty("qualifier", key.qualifier());
                g.writeStringProperty("measuredAt", v.measuredAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayPropertyStart("conditions");
            for (MeterCondition c : readout.conditions()) {
                g.writeStartObject();
                g.writeStringProperty("code", c.code());
                g.writeStringProperty("label", c.labelEn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectPropertyStart("state");
            for (HaValue v : homeAssistantValues(readout).values()) {
                g.writeNumberProperty(v.quantity().jsonName(), v.value());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * The readout's current energy and volume in Home Assistant's units, at most one per quantity: kWh stays kWh,
     * Gcal becomes kWh (× 1163, exact), kJ becomes MJ (exact); m³ and ft³ stay. Other units are not announced.
     */
    public static Map<Quantity, HaValue> homeAssistantValues(MeterReadout readout) {
        Map<Quantity, HaValue> out = new LinkedHashMap<>();
        for (RegisterValue v : readout.values()) {
            RegisterKey key = v.key();
            if (key.storage() != 0 || key.tariff() != 0 || key.subunit() != 0 || key.function() != Function.INSTANTANEOUS
                    || !key.qualifier().isEmpty() || out.containsKey(key.quantity())) {
                continue;
            }
            convert(readout.meter(), key.quantity(), key.unit(), v.value()).ifPresent(h -> out.put(h.quantity(), h));
        }
        return out;
    }

    static Optional<HaValue> convert(MeterIdentity meter, Quantity quantity, Unit unit, BigDecimal value) {
        if (quantity == Quantity.ENERGY) {
            switch (unit) {
                case KWH:
                    return Optional.of(new HaValue(quantity, "energy", "kWh", value));
                case GCAL:
                    return Optional.of(new HaValue(quantity, "energy", "kWh", value.multiply(KWH_PER_GCAL)));
                case KJ:
                    return Optional.of(new HaValue(quantity, "energy", "MJ", value.movePointLeft(3)));
                default:
                    return Optional.empty();
            }
        }
        if (quantity == Quantity.VOLUME) {
            // Home Assistant's water and gas classes both take m³ and ft³; heat meters' volume is water too
            String deviceClass = medium(meter).filter(m -> m == Medium.GAS || m == Medium.GAS_DATA_LOGGER
                    || m == Medium.GAS_CONVERTER).isPresent() ? "gas" : "water";
            switch (unit) {
                case M3:
                    return Optional.of(new HaValue(quantity, deviceClass, "m³", value));
                case CUBIC_FEET:
                    return Optional.of(new HaValue(quantity, deviceClass, "ft³", value));
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Discovery configs for the readout's announced quantities. */
    public static List<Discovery> discovery(String discoveryPrefix, String statePrefix, String collector,
                                            MeterReadout readout) {
        MeterIdentity meter = readout.meter();
        String device = "openamr_" + topicPart(collector) + "_" + topicPart(meter.serial());
        List<Discovery> out = new ArrayList<>();
        for (HaValue v : homeAssistantValues(readout).values()) {
            String objectId = topicPart(collector) + "_" + topicPart(meter.serial()) + "_" + v.quantity().jsonName();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
            try (JsonGenerator g = JSON.createGenerator(bytes)) {
                g.writeStartObject();
                g.writeStringProperty("name", v.quantity() == Quantity.ENERGY ? "Energy" : "Volume");
                g.writeStringProperty("unique_id", "openamr_" + objectId);
                g.writeStringProperty("object_id", "openamr_" + objectId);
                g.writeStringProperty("state_topic", stateTopic(statePrefix, collector, meter));
                g.writeStringProperty("value_template", "{{ value_json.state." + v.quantity().jsonName() + " }}");
                g.writeStringProperty("device_class", v.deviceClass());
                g.writeStringProperty("unit_of_measurement", v.unit());
                g.writeStringProperty("state_class", "total_increasing");
                g.writeObjectPropertyStart("device");
                g.writeArrayPropertyStart("identifiers");
                g.writeString(device);
                g.writeEndArray();
                g.writeStringProperty("name", medium(meter).map(m -> m.jsonName() + " meter ").orElse("meter ")
                        + meter.serial());
                g.writeStringProperty("manufacturer", meter.manufacturer().map(ManufacturerNames::shown).orElse("unknown"));
                g.writeStringProperty("model", model(meter));
                g.writeEndObject();
                g.writeEndObject();
            }
            out.add(new Discovery(discoveryPrefix + "/sensor/" + objectId + "/config", bytes.toByteArray()));
        }
        return out;
    }

    private static String model(MeterIdentity meter) {
        String medium = medium(meter).map(Medium::jsonName).orElse("unknown medium");
        return meter.version().map(v -> String.format("%s meter, version %d", medium, v)).orElse(medium + " meter");
    }

    private static Optional<Medium> medium(MeterIdentity meter) {
        return meter.medium().map(Medium::of);
    }
}
