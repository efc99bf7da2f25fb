package org.openamr.mbus.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.Modifier;

/**
 * Reads the text form of a {@link DeviceProfile}. One statement a line, columns separated by
 * {@code |}, {@code #} starts a comment, {@code *} matches anything:
 *
 * <pre>
 * profile      | Danfoss heat meters
 * manufacturer | DFS
 * versions     | *                      (or a list: 0x2B, 0x2F, 32)
 * record       | quantity | storage | tariff | subunit | function | modifier | recordError | name | English | Russian
 * error        | digit (0 = most significant of 4) | bit value (1, 2, 4, 8) | code | stops integration (yes/no) | English | Russian
 * </pre>
 *
 * {@code storage} may be {@code >0} (any stored value); {@code modifier} is a {@link Modifier} name or
 * {@code NONE}; {@code quantity} and {@code function} use their JSON names.
 */
public final class ProfileParser {

    private ProfileParser() {
    }

    public static DeviceProfile parse(String source, String text) {
        String name = null;
        String manufacturer = null;
        Set<Integer> versions = new HashSet<>();
        List<RecordRule> rules = new ArrayList<>();
        List<DeviceProfile.ErrorDigit> digits = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
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
            String[] c = line.split("\\|", -1);
            for (int k = 0; k < c.length; k++) {
                c[k] = c[k].trim();
            }
            switch (c[0]) {
                case "profile" -> name = column(c, 1, source, lineNo);
                case "manufacturer" -> {
                    manufacturer = column(c, 1, source, lineNo);
                    if (!manufacturer.matches("[A-Z]{3}")) {
                        throw new ProfileFormatException(source, lineNo, "manufacturer must be three letters A-Z");
                    }
                }
                case "versions" -> versions.addAll(versions(column(c, 1, source, lineNo), source, lineNo));
                case "record" -> rules.add(rule(c, source, lineNo));
                case "error" -> digits.add(errorDigit(c, source, lineNo));
                default -> throw new ProfileFormatException(source, lineNo, "unknown statement '" + c[0]
                        + "' (expected profile, manufacturer, versions, record or error)");
            }
        }
        if (name == null || manufacturer == null) {
            throw new ProfileFormatException(source, lines.length, "a profile needs 'profile' and 'manufacturer' lines");
        }
        return new DeviceProfile(name, manufacturer, versions, rules, digits);
    }

    private static RecordRule rule(String[] c, String source, int line) {
        if (c.length != 11) {
            throw new ProfileFormatException(source, line, "a record line has 11 columns, found " + c.length);
        }
        Quantity quantity;
        try {
            quantity = Quantity.byJsonName(c[1]);
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException(source, line, e.getMessage());
        }
        boolean aboveZero = c[2].equals(">0");
        Long storage = aboveZero || c[2].equals("*") ? null : (long) number(c[2], "storage", source, line);
        Integer tariff = any(c[3]) ? null : number(c[3], "tariff", source, line);
        Integer subunit = any(c[4]) ? null : number(c[4], "subunit", source, line);
        Function function = null;
        if (!any(c[5])) {
            try {
                function = Function.valueOf(c[5].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ProfileFormatException(source, line, "function '" + c[5]
                        + "' is not instantaneous, maximum, minimum or error");
            }
        }
        String modifier = any(c[6]) ? null : c[6];
        if (modifier != null && !modifier.equals(RecordRule.NO_MODIFIER)) {
            try {
                Modifier.valueOf(modifier);
            } catch (IllegalArgumentException e) {
                throw new ProfileFormatException(source, line, "unknown modifier '" + modifier + "'");
            }
        }
        Integer recordError = any(c[7]) ? null : number(c[7], "record error", source, line);
        if (c[8].isEmpty() || c[9].isEmpty() || c[10].isEmpty()) {
            throw new ProfileFormatException(source, line, "name, English and Russian labels must not be empty");
        }
        return new RecordRule(quantity, storage, aboveZero, tariff, subunit, function, modifier, recordError,
                new RecordMeaning(c[8], c[9], c[10]));
    }

    private static DeviceProfile.ErrorDigit errorDigit(String[] c, String source, int line) {
        if (c.length != 7) {
            throw new ProfileFormatException(source, line, "an error line has 7 columns, found " + c.length);
        }
        int digit = number(c[1], "digit", source, line);
        int bit = number(c[2], "bit", source, line);
        if (digit < 0 || digit > 3 || Integer.bitCount(bit) != 1 || bit > 8) {
            throw new ProfileFormatException(source, line, "digit must be 0..3 and bit one of 1, 2, 4, 8");
        }
        if (!c[4].equals("yes") && !c[4].equals("no")) {
            throw new ProfileFormatException(source, line, "'stops integration' must be yes or no");
        }
        return new DeviceProfile.ErrorDigit(digit, bit, new ErrorMeaning(c[3], c[5], c[6], c[4].equals("yes")));
    }

    private static Set<Integer> versions(String text, String source, int line) {
        Set<Integer> out = new HashSet<>();
        if (any(text)) {
            return out;
        }
        for (String v : text.split(",")) {
            out.add(number(v.trim(), "version", source, line));
        }
        return out;
    }

    private static int number(String s, String what, String source, int line) {
        try {
            return s.startsWith("0x") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ProfileFormatException(source, line, what + " '" + s + "' is not a number");
        }
    }

    private static boolean any(String s) {
        return s.equals("*");
    }

    private static String column(String[] c, int i, String source, int line) {
        if (c.length <= i || c[i].isEmpty()) {
            throw new ProfileFormatException(source, line, "'" + c[0] + "' needs a value");
        }
        return c[i];
    }
}
