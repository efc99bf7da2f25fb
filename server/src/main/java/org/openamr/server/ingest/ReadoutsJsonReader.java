package org.openamr.server.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openamr.acquisition.readout.MeterCondition;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.mbus.record.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the project's readouts JSON (version 1, see server/INGEST.md). The envelope — a JSON object
 * with {@code version} 1 and an array {@code meters} of objects whose {@code values} are arrays of
 * objects, with no unknown fields anywhere — is the document's shape: breaking it refuses the push
 * (400). Within that shape, a bad value rejects that value, and a bad meter header (serial, maker,
 * readAt, conditions) rejects that meter with its values; the rest is accepted. Numbers, in JSON
 * strings or JSON numbers, are read from their text into exact decimals, never through a double.
 */
final class ReadoutsJsonReader {

    static final int VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> ROOT_FIELDS = Set.of("version", "concentrator", "meters");
    private static final Set<String> CONCENTRATOR_FIELDS = Set.of("id", "software", "sentAt");
    private static final Set<String> METER_FIELDS = Set.of("serial", "manufacturer", "version", "medium", "readAt",
            "values", "conditions");
    private static final Set<String> VALUE_FIELDS = Set.of("quantity", "unit", "storage", "tariff", "subunit",
            "function", "qualifier", "at", "value");
    private static final Set<String> CONDITION_FIELDS = Set.of("code", "labelEn", "labelRu", "stopsIntegration");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,40}(\\.\\d{1,40})?");
    private static final Pattern MAKER = Pattern.compile("[A-Z@]{3}");
    private static final int MAX_DIGITS = 40;

    private final int maxValues;
    private final TimeWindow window;
    /** A push repeats the same few times and units for every meter: each text is read once. */
    private final Map<String, Instant> times = new HashMap<>();
    private final Map<String, Unit> units = new HashMap<>();

    ReadoutsJsonReader(int maxValues, TimeWindow window) {
        this.maxValues = maxValues;
        this.window = window;
    }

    ParsedPush read(byte[] body) {
        JsonNode root = parse(body);
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw IngestException.badDocument("the document must be a JSON object {\"version\": 1, \"meters\": [...]}");
        }
        fields(root, ROOT_FIELDS, "the document");
        JsonNode version = root.get("version");
        if (version == null) {
            throw IngestException.badDocument("the document has no \"version\"; this server reads version " + VERSION);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() != VERSION) {
            throw IngestException.badDocument("version " + version + " is not supported; this server reads version "
                    + VERSION);
        }
        String sender = concentrator(root.get("concentrator"));
        JsonNode meters = root.get("meters");
        if (meters == null || !meters.isArray()) {
            throw IngestException.badDocument("\"meters\" must be an array of meter objects");
        }
        checkShape(meters);
        List<MeterCandidates> parsed = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < meters.size(); i++) {
            meter(meters.get(i), "meters[" + i + "]", parsed, rejections);
        }
        return new ParsedPush(PushFormat.READOUTS_JSON, sender, parsed, rejections);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw IngestException.badDocument("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static String concentrator(JsonNode c) {
        if (c == null || c.isNull()) {
            return null;
        }
        if (!c.isObject()) {
            throw IngestException.badDocument("\"concentrator\" must be an object {\"id\": …, \"software\": …}");
        }
        fields(c, CONCENTRATOR_FIELDS, "concentrator");
        for (String f : CONCENTRATOR_FIELDS) {
            JsonNode v = c.get(f);
            if (v != null && !v.isNull() && !v.isString()) {
                throw IngestException.badDocument("concentrator." + f + " must be a string");
            }
        }
        for (String f : CONCENTRATOR_FIELDS) {
            JsonNode v = c.get(f);
            if (v != null && v.isString() && v.stringValue().length() > PushBounds.MAX_SENDER) {
                throw IngestException.badDocument("concentrator." + f + " has " + v.stringValue().length()
                        + " characters; at most " + PushBounds.MAX_SENDER + " are accepted");
            }
        }
        JsonNode id = c.get("id");
        return id == null || id.isNull() ? null : id.stringValue();
    }

    /** The envelope, checked before anything is read, so that a malformed document writes nothing. */
    private void checkShape(JsonNode meters) {
        long values = 0;
        for (int i = 0; i < meters.size(); i++) {
            JsonNode m = meters.get(i);
            String at = "meters[" + i + "]";
            if (!m.isObject()) {
                throw IngestException.badDocument(at + " must be a meter object");
            }
            fields(m, METER_FIELDS, at);
            JsonNode list = m.get("values");
            if (list == null || !list.isArray()) {
                throw IngestException.badDocument(at + ".values must be an array (possibly empty)");
            }
            for (int j = 0; j < list.size(); j++) {
                if (!list.get(j).isObject()) {
                    throw IngestException.badDocument(at + ".values[" + j + "] must be a value object");
                }
                fields(list.get(j), VALUE_FIELDS, at + ".values[" + j + "]");
            }
            values += list.size();
            JsonNode conditions = m.get("conditions");
            if (conditions != null && !conditions.isNull()) {
                if (!conditions.isArray()) {
                    throw IngestException.badDocument(at + ".conditions must be an array (possibly empty)");
                }
                for (int j = 0; j < conditions.size(); j++) {
                    if (!conditions.get(j).isObject()) {
                        throw IngestException.badDocument(at + ".conditions[" + j + "] must be a condition object");
                    }
                    fields(conditions.get(j), CONDITION_FIELDS, at + ".conditions[" + j + "]");
                }
            }
        }
        if (values > maxValues) {
            throw IngestException.tooLarge("the push has " + values + " values, more than the " + maxValues
                    + " one push may carry; send them in several pushes");
        }
    }

    private static void fields(JsonNode object, Set<String> allowed, String where) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw IngestException.badDocument(where + ": unknown field \"" + name + "\" (version " + VERSION
                        + " has " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private void meter(JsonNode m, String path, List<MeterCandidates> meters, List<Rejection> rejections) {
        JsonNode values = m.get("values");
        JsonNode serialNode = m.get("serial");
        String label = serialNode != null && serialNode.isString() && !serialNode.stringValue().isBlank()
                ? serialNode.stringValue() : null;
        String problem = null;
        Optional<String> maker = Optional.empty();
        Optional<Integer> version = Optional.empty();
        Optional<Integer> medium = Optional.empty();
        Instant readAt = null;
        List<MeterCondition> conditions = new ArrayList<>();
        try {
            if (label == null || label.isBlank()) {
                throw new Bad("serial must be a string of 1 to 64 visible characters, e.g. \"46174428\"");
            }
            String serialProblem = PushBounds.meterNumberProblem("serial", label);
            if (serialProblem != null) {
                throw new Bad(serialProblem);
            }
            maker = optionalText(m, "manufacturer").map(s -> {
                if (!MAKER.matcher(s).matches()) {
                    throw new Bad("manufacturer '" + s + "' is not three maker letters (FLAG code, e.g. DFS)");
                }
                return s;
            });
            version = optionalByte(m, "version");
            medium = optionalByte(m, "medium");
            readAt = time(m.get("readAt"), "readAt");
            JsonNode list = m.get("conditions");
            if (list != null && !list.isNull()) {
                if (list.size() > PushBounds.MAX_CONDITIONS) {
                    throw new Bad("the meter reports " + list.size() + " conditions; at most "
                            + PushBounds.MAX_CONDITIONS + " are accepted per meter");
                }
                for (JsonNode c : list) {
                    conditions.add(condition(c));
                }
            }
        } catch (Bad e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            rejections.add(new Rejection(label, path, problem, m.toString(), values.size()));
            return;
        }
        String serial = label.strip();
        List<Candidate> candidates = new ArrayList<>(values.size());
        for (int j = 0; j < values.size(); j++) {
            JsonNode v = values.get(j);
            String location = path + ".values[" + j + "]";
            try {
                candidates.add(value(v, location));
            } catch (Bad e) {
                rejections.add(new Rejection(serial, location, e.getMessage(), v.toString(), 1));
            }
        }
        JsonNode conditionList = m.get("conditions");
        boolean reported = conditionList != null && !conditionList.isNull();
        meters.add(new MeterCandidates(serial, new MeterIdentity(serial, maker, version, medium), readAt, candidates,
                conditions, reported));
    }

    private Candidate value(JsonNode v, String location) {
        Quantity quantity = enumValue(v, "quantity", Quantity.class, null);
        Unit unit = unit(v.get("unit"));
        long storage = nonNegative(v, "storage", PushBounds.MAX_STORAGE);
        int tariff = (int) nonNegative(v, "tariff", PushBounds.MAX_TARIFF);
        int subunit = (int) nonNegative(v, "subunit", PushBounds.MAX_SUBUNIT);
        Function function = enumValue(v, "function", Function.class, Function.INSTANTANEOUS);
        String qualifier = optionalText(v, "qualifier").orElse("");
        String qualifierProblem = PushBounds.textProblem("qualifier", qualifier, PushBounds.MAX_QUALIFIER);
        if (qualifierProblem != null) {
            throw new Bad(qualifierProblem);
        }
        Instant at = time(v.get("at"), "at");
        BigDecimal value = decimal(v.get("value"));
        RegisterKey key = new RegisterKey(quantity, unit, storage, tariff, subunit, function, qualifier);
        String valueProblem = PushBounds.valueProblem(key, value);
        if (valueProblem != null) {
            throw new Bad(valueProblem);
        }
        return new Candidate(key, at, value, new Candidate.Origin() {
            @Override
            public String location() {
                return location;
            }

            @Override
            public String fragment() {
                return v.toString();
            }
        });
    }

    private Unit unit(JsonNode node) {
        if (node == null || !node.isString()) {
            throw new Bad("unit must be a string, e.g. \"kWh\", \"m3\", \"°C\" (\"\" for none)");
        }
        Unit known = units.get(node.stringValue());
        if (known != null) {
            return known;
        }
        Unit unit = unitOf(node.stringValue());
        units.put(node.stringValue(), unit);
        return unit;
    }

    private static Unit unitOf(String symbol) {
        if (symbol.isEmpty()) {
            return Unit.NONE;
        }
        return Unit.bySymbol(symbol).orElseThrow(() -> new Bad("unit '" + symbol + "' is not one of the server's units ("
                + String.join(", ", java.util.Arrays.stream(Unit.values()).filter(u -> u != Unit.NONE)
                        .map(Unit::symbol).toList()) + ")"));
    }

    private static <E extends Enum<E>> E enumValue(JsonNode v, String field, Class<E> type, E fallback) {
        JsonNode node = v.get(field);
        if (node == null && fallback != null) {
            return fallback;
        }
        if (node == null || !node.isString()) {
            throw new Bad(field + " must be a string, e.g. \"" + (fallback != null ? fallback.name()
                    : type.getEnumConstants()[0].name()) + "\"");
        }
        try {
            return Enum.valueOf(type, node.stringValue());
        } catch (IllegalArgumentException e) {
            E[] all = type.getEnumConstants();
            String names = all.length <= 8 ? java.util.Arrays.toString(all)
                    : "the names listed in server/INGEST.md, e.g. " + all[0] + ", " + all[1] + ", " + all[2];
            throw new Bad(field + " '" + node.stringValue() + "' is not one of " + names);
        }
    }

    private static long nonNegative(JsonNode v, String field, long max) {
        JsonNode node = v.get(field);
        if (node == null) {
            return 0;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0 || node.longValue() > max) {
            throw new Bad(field + " must be a whole number from 0 to " + max + ", not " + node);
        }
        return node.longValue();
    }

    private static Optional<String> optionalText(JsonNode m, String field) {
        JsonNode node = m.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw new Bad(field + " must be a string");
        }
        return Optional.of(node.stringValue());
    }

    private static Optional<Integer> optionalByte(JsonNode m, String field) {
        JsonNode node = m.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 255) {
            throw new Bad(field + " must be a whole number from 0 to 255 (the M-Bus header byte), not " + node);
        }
        return Optional.of(node.intValue());
    }

    private Instant time(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new Bad(field + " must be an ISO-8601 time with offset, e.g. \"2026-11-23T10:15:00Z\"");
        }
        Instant t = times.get(node.stringValue());
        try {
            if (t == null) {
                t = OffsetDateTime.parse(node.stringValue()).toInstant();
                times.put(node.stringValue(), t);
            }
        } catch (DateTimeParseException e) {
            throw new Bad(field + " '" + node.stringValue() + "' is not an ISO-8601 time with offset, e.g. "
                    + "\"2026-11-23T10:15:00Z\" or \"2026-11-23T13:15:00+03:00\"");
        }
        if (!window.contains(t)) {
            throw new Bad(field + " " + t + " is outside the accepted " + window.describe());
        }
        return t;
    }

    private static BigDecimal decimal(JsonNode node) {
        BigDecimal value;
        if (node != null && node.isString() && DECIMAL.matcher(node.stringValue()).matches()) {
            value = new BigDecimal(node.stringValue());
        } else if (node != null && node.isNumber()) {
            value = node.decimalValue();
        } else {
            throw new Bad("value " + (node == null ? "is missing" : node + " is not a decimal number")
                    + "; write it as a JSON string like \"12345.678\" or a JSON number");
        }
        if (value.precision() - value.scale() > MAX_DIGITS || value.scale() > MAX_DIGITS) {
            throw new Bad("value " + node + " has more than " + MAX_DIGITS + " digits before or after the point");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private static MeterCondition condition(JsonNode c) {
        JsonNode code = c.get("code");
        if (code == null || !code.isString() || code.stringValue().isBlank()) {
            throw new Bad("every condition needs a code, e.g. {\"code\": \"STATUS_POWER_LOW\"}");
        }
        String codeProblem = PushBounds.textProblem("condition code", code.stringValue(), PushBounds.MAX_CODE);
        if (codeProblem != null) {
            throw new Bad(codeProblem);
        }
        JsonNode stops = c.get("stopsIntegration");
        if (stops != null && !stops.isBoolean()) {
            throw new Bad("stopsIntegration of condition " + code.stringValue() + " must be true or false");
        }
        return new MeterCondition(code.stringValue(), label(c, "labelEn"), label(c, "labelRu"),
                stops != null && stops.booleanValue());
    }

    private static String label(JsonNode c, String field) {
        JsonNode node = c.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            throw new Bad(field + " must be a string");
        }
        String problem = PushBounds.textProblem(field, node.stringValue(), PushBounds.MAX_LABEL);
        if (problem != null) {
            throw new Bad(problem);
        }
        return node.stringValue();
    }

    /** A content problem of one value or meter: it is rejected and reported, the rest goes on. */
    private static final class Bad extends RuntimeException {

        Bad(String message) {
            super(message, null, false, false);
        }
    }
}
