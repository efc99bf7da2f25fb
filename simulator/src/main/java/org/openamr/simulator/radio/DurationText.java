package org.openamr.simulator.radio;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 120s}, {@code 1h30m}, {@code 250ms}, {@code 2d}, or ISO-8601
 * ({@code PT1H}). Units d, h, m (minutes), s, ms, each at most once, largest first.
 */
public final class DurationText {

    private static final Pattern TEXT = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?"
            + "(?:(\\d+)ms)?");

    private DurationText() {
    }

    /** @throws IllegalArgumentException naming the text and the forms that are understood */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher m = TEXT.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw invalid(text);
        }
        try {
            return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)))
                    .plusSeconds(number(m.group(4))).plusMillis(number(m.group(5)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("the duration '" + text + "' is too long", e);
        }
    }

    /** The shortest text {@link #parse} reads back to {@code d}, e.g. {@code 2m} for 120 s. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        Duration a = d.abs();
        StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
        append(sb, a.toDays(), "d");
        append(sb, a.toHoursPart(), "h");
        append(sb, a.toMinutesPart(), "m");
        append(sb, a.toSecondsPart(), "s");
        append(sb, a.toMillisPart(), "ms");
        return sb.toString();
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n != 0) {
            sb.append(n).append(unit);
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is no duration; write e.g. 120s, 30m, 1h30m, 2d, 500ms"
                + " or ISO-8601 such as PT1H");
    }
}
