package org.openamr.acquisition.schedule;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Objects;

/**
 * A classic five-field cron expression ({@code minute hour day-of-month month day-of-week}) with
 * {@code *}, lists, ranges, steps and month/day names. JDK only, so that the collector (no Spring)
 * and the command line read schedules the same way; the server keeps Spring's six-field one.
 * As in Vixie cron, when both day fields are restricted a day matching either one fires.
 */
public final class Cron {

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private Cron(String text, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
                 boolean anyDayOfMonth, boolean anyDayOfWeek) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.anyDayOfMonth = anyDayOfMonth;
        this.anyDayOfWeek = anyDayOfWeek;
    }

    /**
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static Cron parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] f = text.trim().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("cron expression '" + text + "' has " + f.length
                    + " fields; expected 5: minute hour day-of-month month day-of-week");
        }
        BitSet dow = field(f[4], "day-of-week", 0, 7, DAYS);
        if (dow.get(7)) { // 7 is Sunday too
            dow.set(0);
            dow.clear(7);
        }
        return new Cron(text.trim(), field(f[0], "minute", 0, 59, null), field(f[1], "hour", 0, 23, null),
                field(f[2], "day-of-month", 1, 31, null), field(f[3], "month", 1, 12, MONTHS), dow,
                f[2].equals("*"), f[4].equals("*"));
    }

    private static BitSet field(String text, String name, int min, int max, String[] names) {
        BitSet bits = new BitSet();
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max, null, text);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = names == DAYS ? 6 : max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw bad(name, text, "'" + range + "' is not a range a-b");
                }
                from = number(ends[0], name, min, max, names, text);
                to = number(ends[1], name, min, max, names, text);
                if (from > to) {
                    throw bad(name, text, "range " + range + " runs backwards");
                }
            } else {
                from = number(range, name, min, max, names, text);
                to = slash >= 0 ? (names == DAYS ? 6 : max) : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, String name, int min, int max, String[] names, String field) {
        if (names != null) {
            String upper = s.toUpperCase(Locale.ROOT);
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(upper)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 4) {
            throw bad(name, field, "'" + s + "' is not a number");
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw bad(name, field, v + " is outside " + min + "–" + max);
        }
        return v;
    }

    private static IllegalArgumentException bad(String name, String field, String why) {
        return new IllegalArgumentException("cron " + name + " field '" + field + "': " + why);
    }

    /** The first moment strictly after {@code after} (to the minute) that the expression names. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5); // e.g. "0 0 30 2 *" never fires: give up rather than loop
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalStateException("cron expression '" + text + "' names no moment in five years");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
        if (anyDayOfMonth || anyDayOfWeek) {
            return dom && dow;
        }
        return dom || dow;
    }

    @Override
    public String toString() {
        return text;
    }
}
