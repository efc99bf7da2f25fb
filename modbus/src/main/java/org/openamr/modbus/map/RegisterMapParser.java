package org.openamr.modbus.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.modbus.FunctionCode;

/**
 * Reads the text form of a {@link RegisterMap}, in the style of the M-Bus device profiles: one
 * statement a line, columns separated by {@code |}, {@code #} starts a comment, blank lines are
 * ignored.
 *
 * <pre>
 * map        | Danfoss SonoMeter Modbus RTU module        (the name; a user's map of this name replaces it)
 * models     | SonoMeter 30, SonoSafe 10                   (comma-separated, at least one)
 * unverified | why these registers are not confirmed      (optional: marks the map unverified)
 * source     | document title, edition, URL               (optional, repeatable)
 * novalue    | int32 | 0x80000000                          (optional: what the device sends for "no value";
 *            | float32 | NaN                                  one per type, the bits with word order applied)
 * value      | name | function | address | type | order | scale | quantity | unit | storage [| tariff | subunit]
 * </pre>
 *
 * Columns of {@code value}:
 * <ul>
 * <li>{@code function}: {@code 01}/{@code coil}, {@code 02}/{@code discrete}, {@code 03}/{@code holding},
 *     {@code 04}/{@code input};</li>
 * <li>{@code address}: the protocol address, 0-based as on the wire (decimal, or hex with {@code 0x}),
 *     not the "40001" register number of many manuals;</li>
 * <li>{@code type}: {@code int16 uint16 int32 uint32 float32 bcd16 bcd32} for registers, {@code bit}
 *     for coils and discrete inputs;</li>
 * <li>{@code order}: {@code big} or {@code little} for 32-bit types, {@code -} for the others;</li>
 * <li>{@code scale}: a power of ten: {@code 0}, {@code -3}, {@code +2}; or {@code @ADDR}, {@code @ADDR-3}:
 *     the exponent is the signed 16-bit register ADDR of the same function, plus the offset;</li>
 * <li>{@code quantity}: a {@link Quantity} JSON name ({@code energy}, {@code flowTemperature});</li>
 * <li>{@code unit}: a {@link Unit} symbol ({@code kWh}, {@code m3}, {@code °C}), {@code -} for none;</li>
 * <li>{@code storage}: {@code current}, {@code dueDate} or a storage number;</li>
 * <li>{@code tariff}, {@code subunit}: numbers, 0 when left out.</li>
 * </ul>
 *
 * Refused, naming the line: unknown statements, types, functions, quantities and units, a missing
 * unit, bad addresses, a value whose addresses overlap another of the same function, an exponent
 * register that is another value's register, duplicate value names, a map without a name, models
 * or values.
 */
public final class RegisterMapParser {

    private static final Pattern EXPONENT_REGISTER = Pattern.compile("@(0x[0-9A-Fa-f]+|[0-9]+)([+-][0-9]+)?");
    private static final int VALUE_COLUMNS = 10;
    private static final int VALUE_COLUMNS_WITH_TARIFF = 12;

    private RegisterMapParser() {
    }

    public static RegisterMap parse(String source, String text) {
        String name = null;
        List<String> models = null;
        String unverified = null;
        List<String> sources = new ArrayList<>();
        List<ValueDefinition> values = new ArrayList<>();
        List<NoValue> noValues = new ArrayList<>();
        Map<String, ValueDefinition> byName = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        int lastLine = 1;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            if (line.isBlank()) {
                continue;
            }
            lastLine = lineNo;
            String[] c = line.split("\\|", -1);
            for (int k = 0; k < c.length; k++) {
                c[k] = c[k].trim();
            }
            switch (c[0]) {
                case "map" -> {
                    if (name != null) {
                        throw new RegisterMapFormatException(source, lineNo, "a second 'map' line (the map is '" + name + "')");
                    }
                    name = single(c, source, lineNo);
                }
                case "models" -> {
                    List<String> list = Arrays.stream(single(c, source, lineNo).split(",")).map(String::trim).toList();
                    if (list.stream().anyMatch(String::isEmpty)) {
                        throw new RegisterMapFormatException(source, lineNo, "an empty model name in the list");
                    }
                    if (models == null) {
                        models = new ArrayList<>();
                    }
                    models.addAll(list);
                }
                case "unverified" -> {
                    String why = single(c, source, lineNo);
                    unverified = unverified == null ? why : unverified + " " + why;
                }
                case "source" -> sources.add(single(c, source, lineNo));
                case "novalue" -> {
                    NoValue n = noValue(c, source, lineNo);
                    if (noValues.stream().anyMatch(o -> o.type() == n.type())) {
                        throw new RegisterMapFormatException(source, lineNo, "a second 'novalue' for "
                                + n.type().spelling());
                    }
                    noValues.add(n);
                }
                case "value" -> {
                    ValueDefinition v = value(c, source, lineNo);
                    ValueDefinition same = byName.putIfAbsent(v.name(), v);
                    if (same != null) {
                        throw new RegisterMapFormatException(source, lineNo, "value name '" + v.name()
                                + "' is already used on line " + same.line());
                    }
                    for (ValueDefinition earlier : values) {
                        if (earlier.overlaps(v)) {
                            throw new RegisterMapFormatException(source, lineNo, "registers " + v.range() + " of '"
                                    + v.name() + "' overlap " + earlier.range() + " of '" + earlier.name()
                                    + "' (line " + earlier.line() + ")");
                        }
                    }
                    values.add(v);
                }
                default -> throw new RegisterMapFormatException(source, lineNo, "unknown statement '" + c[0]
                        + "' (expected map, models, unverified, source, novalue or value)");
            }
        }
        if (name == null || models == null) {
            throw new RegisterMapFormatException(source, lastLine, "a map needs 'map' and 'models' lines");
        }
        if (values.isEmpty()) {
            throw new RegisterMapFormatException(source, lastLine, "map '" + name + "' has no 'value' lines");
        }
        checkExponentRegisters(values, source);
        return new RegisterMap(source, name, models, Optional.ofNullable(unverified), sources, values, noValues);
    }

    /** {@code novalue | TYPE | PATTERN}: a register type and its raw bits in hex, or {@code NaN} for float32. */
    private static NoValue noValue(String[] c, String source, int lineNo) {
        if (c.length != 3) {
            throw new RegisterMapFormatException(source, lineNo, "'novalue' takes a type and a pattern: "
                    + "novalue | int32 | 0x80000000, or novalue | float32 | NaN");
        }
        DataType type = DataType.bySpelling(c[1]).filter(t -> t != DataType.BIT)
                .orElseThrow(() -> new RegisterMapFormatException(source, lineNo, "'novalue': unknown register type '"
                        + c[1] + "'"));
        if (c[2].equals("NaN")) {
            if (type != DataType.FLOAT32) {
                throw new RegisterMapFormatException(source, lineNo, "'novalue': NaN is a float32 pattern, not "
                        + type.spelling());
            }
            return new NoValue(type, OptionalLong.empty());
        }
        if (!c[2].matches("0x[0-9A-Fa-f]{1,8}")) {
            throw new RegisterMapFormatException(source, lineNo, "'novalue': pattern '" + c[2] + "' is not hex such "
                    + "as 0x80000000 (or NaN for float32)");
        }
        long bits = Long.parseLong(c[2].substring(2), 16);
        if (bits >= 1L << (16 * type.words())) {
            throw new RegisterMapFormatException(source, lineNo, "'novalue': " + c[2] + " does not fit "
                    + type.spelling());
        }
        return new NoValue(type, OptionalLong.of(bits));
    }

    /** An exponent register is read, not reported: it may serve several values but must not be one. */
    private static void checkExponentRegisters(List<ValueDefinition> values, String source) {
        for (ValueDefinition v : values) {
            if (v.scale() instanceof Scale.FromRegister r) {
                for (ValueDefinition other : values) {
                    if (other.function() == v.function() && other.address() <= r.address()
                            && r.address() <= other.lastAddress()) {
                        throw new RegisterMapFormatException(source, v.line(), "exponent register " + v.function().hex()
                                + " " + r.address() + " of '" + v.name() + "' is a register of '" + other.name()
                                + "' (line " + other.line() + ")");
                    }
                }
            }
        }
    }

    private static ValueDefinition value(String[] c, String source, int line) {
        if (c.length != VALUE_COLUMNS && c.length != VALUE_COLUMNS_WITH_TARIFF) {
            throw new RegisterMapFormatException(source, line, "a value line has " + VALUE_COLUMNS + " columns (or "
                    + VALUE_COLUMNS_WITH_TARIFF + " with tariff and subunit), found " + c.length);
        }
        String name = c[1];
        if (!name.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
            throw new RegisterMapFormatException(source, line, "value name '" + name
                    + "' must start with a letter and hold only letters, digits, '_', '.', '-'");
        }
        FunctionCode function = function(c[2], source, line);
        int address = address(c[3], source, line);
        DataType type = DataType.bySpelling(c[4].toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new RegisterMapFormatException(source, line, "unknown type '" + c[4] + "' (known: "
                        + Arrays.stream(DataType.values()).map(DataType::spelling).collect(Collectors.joining(", ")) + ")"));
        if (type == DataType.BIT && !function.readsBits()) {
            throw new RegisterMapFormatException(source, line, "type bit is read with function 01 or 02, not "
                    + function.hex());
        }
        if (type != DataType.BIT && function.readsBits()) {
            throw new RegisterMapFormatException(source, line, "function " + function.hex() + " reads "
                    + function.table() + ": their type is bit, not " + type.spelling());
        }
        if (address < 0 || address + type.words() - 1 > 0xFFFF) {
            throw new RegisterMapFormatException(source, line, "bad address " + c[3] + ": a " + type.spelling()
                    + " value must lie within 0.." + (0x10000 - type.words()));
        }
        WordOrder order = order(c[5], type, source, line);
        Scale scale = scale(c[6], type, source, line);
        Quantity quantity;
        try {
            quantity = Quantity.byJsonName(c[7]);
        } catch (IllegalArgumentException e) {
            throw new RegisterMapFormatException(source, line, e.getMessage());
        }
        Unit unit = unit(c[8], source, line);
        long storage = storage(c[9], source, line);
        int tariff = 0;
        int subunit = 0;
        if (c.length == VALUE_COLUMNS_WITH_TARIFF) {
            tariff = number(c[10], "tariff", source, line);
            subunit = number(c[11], "subunit", source, line);
            if (tariff < 0 || subunit < 0) {
                throw new RegisterMapFormatException(source, line, "tariff and subunit are never negative");
            }
        }
        return new ValueDefinition(name, function, address, type, order, scale, quantity, unit, storage, tariff,
                subunit, line);
    }

    private static FunctionCode function(String s, String source, int line) {
        Optional<FunctionCode> f = switch (s.toLowerCase(Locale.ROOT)) {
            case "coil", "coils" -> Optional.of(FunctionCode.READ_COILS);
            case "discrete" -> Optional.of(FunctionCode.READ_DISCRETE_INPUTS);
            case "holding" -> Optional.of(FunctionCode.READ_HOLDING_REGISTERS);
            case "input" -> Optional.of(FunctionCode.READ_INPUT_REGISTERS);
            default -> s.matches("(0x)?0?[0-9]") ? FunctionCode.byCode(Integer.parseInt(s.replace("0x", "")))
                    : Optional.empty();
        };
        return f.orElseThrow(() -> new RegisterMapFormatException(source, line, "function '" + s
                + "' is not 01 (coils), 02 (discrete inputs), 03 (holding registers) or 04 (input registers)"));
    }

    private static WordOrder order(String s, DataType type, String source, int line) {
        if (!type.hasWordOrder()) {
            if (!s.equals("-")) {
                throw new RegisterMapFormatException(source, line, "word order '" + s + "' given for "
                        + type.spelling() + ", which takes one address: write -");
            }
            return null;
        }
        return switch (s) {
            case "big" -> WordOrder.BIG;
            case "little" -> WordOrder.LITTLE;
            default -> throw new RegisterMapFormatException(source, line, "word order '" + s + "' of "
                    + type.spelling() + " is not big (high word first) or little (low word first)");
        };
    }

    private static Scale scale(String s, DataType type, String source, int line) {
        Scale scale;
        if (s.startsWith("@")) {
            Matcher m = EXPONENT_REGISTER.matcher(s);
            if (!m.matches()) {
                throw new RegisterMapFormatException(source, line, "scale '" + s
                        + "' is not @ADDRESS or @ADDRESS+N / @ADDRESS-N");
            }
            int address = address(m.group(1), source, line);
            if (address > 0xFFFF) {
                throw new RegisterMapFormatException(source, line, "bad address " + m.group(1)
                        + " of the exponent register: must lie within 0..65535");
            }
            int offset = m.group(2) == null ? 0 : exponent(m.group(2), s, source, line);
            scale = new Scale.FromRegister(address, offset);
        } else {
            scale = new Scale.Fixed(exponent(s, s, source, line));
        }
        if (type == DataType.BIT && !scale.equals(new Scale.Fixed(0))) {
            throw new RegisterMapFormatException(source, line, "a bit has no scale: write 0");
        }
        return scale;
    }

    private static int exponent(String s, String whole, String source, int line) {
        int n;
        try {
            n = Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw new RegisterMapFormatException(source, line, "scale '" + whole
                    + "' is not a power of ten such as 0, -3 or +2, nor @ADDRESS");
        }
        if (Math.abs(n) > Scale.MAX_EXPONENT) {
            throw new RegisterMapFormatException(source, line, "scale exponent " + n + " is outside -"
                    + Scale.MAX_EXPONENT + "..+" + Scale.MAX_EXPONENT);
        }
        return n;
    }

    private static Unit unit(String s, String source, int line) {
        if (s.isEmpty()) {
            throw new RegisterMapFormatException(source, line, "missing unit (write - for a value without one)");
        }
        if (s.equals("-")) {
            return Unit.NONE;
        }
        return Unit.bySymbol(s).orElseThrow(() -> new RegisterMapFormatException(source, line, "unknown unit '" + s
                + "' (known: " + Arrays.stream(Unit.values()).filter(u -> u != Unit.NONE).map(Unit::symbol)
                .collect(Collectors.joining(", ")) + ")"));
    }

    private static long storage(String s, String source, int line) {
        switch (s) {
            case "current":
                return 0;
            case "dueDate":
                return 1;
            default:
                try {
                    long n = Long.parseLong(s);
                    if (n >= 0) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the message below
                }
                throw new RegisterMapFormatException(source, line, "storage '" + s
                        + "' is not current, dueDate or a storage number 0, 1, 2 …");
        }
    }

    private static int address(String s, String source, int line) {
        try {
            return s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RegisterMapFormatException(source, line, "bad address '" + s
                    + "': not a decimal or 0x-hex number");
        }
    }

    private static int number(String s, String what, String source, int line) {
        try {
            return s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RegisterMapFormatException(source, line, what + " '" + s + "' is not a number");
        }
    }

    private static String single(String[] c, String source, int line) {
        if (c.length != 2 || c[1].isEmpty()) {
            throw new RegisterMapFormatException(source, line, "'" + c[0] + "' takes one value: " + c[0] + " | …");
        }
        return c[1];
    }
}
