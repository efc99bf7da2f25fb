package org.openamr.server.web.acquisition;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A channel's schedule (Spring cron: six fields, seconds first, or a macro such as {@code @daily}) in the
 * reader's words. The shapes schedules usually have get a sentence ("every day at 03:00", "every 15 min");
 * anything else is said field by field, which is always true if less elegant. Call only with an
 * expression {@code CronExpression.parse} accepts.
 */
@Component
class CronWords {

    /** What Spring's macros stand for. */
    static final Map<String, String> MACROS = Map.of("@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *",
            "@monthly", "0 0 0 1 * *", "@weekly", "0 0 0 * * SUN", "@daily", "0 0 0 * * *",
            "@midnight", "0 0 0 * * *", "@hourly", "0 0 * * * *");

    private static final Pattern STEP = Pattern.compile("(?:\\*|0)/(\\d+)");
    private static final Pattern NUMBERS = Pattern.compile("\\d+(,\\d+)*");
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final List<String> MONTH_NAMES = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");

    private final MessageSource messages;

    CronWords(MessageSource messages) {
        this.messages = messages;
    }

    /** The six fields of an expression, macros spelt out, names in capitals. */
    static String[] fields(String cron) {
        String c = cron.trim();
        String expanded = MACROS.getOrDefault(c.toLowerCase(Locale.ROOT), c);
        return expanded.toUpperCase(Locale.ROOT).split("\\s+");
    }

    String describe(String cron) {
        String[] f = fields(cron);
        boolean fixedTime = number(f[0]) && number(f[1]) && NUMBERS.matcher(f[2]).matches();
        String time = time(f[0], f[1], f[2]);
        List<String> days = new ArrayList<>();
        if (f[3].equals("L")) {
            days.add(text("cron.lastDayOfMonth"));
        } else if (!any(f[3])) {
            days.add(text("cron.daysOfMonth", field(f[3], x -> x)));
        }
        if (!any(f[4])) {
            days.add(text("cron.months", field(f[4], this::month)));
        }
        if (!any(f[5])) {
            days.add(text("cron.daysOfWeek", field(f[5], this::dayOfWeek)));
        }
        if (days.isEmpty()) {
            return fixedTime ? text("cron.everyDayAt", time) : time;
        }
        return (fixedTime ? text("cron.at", time) : time) + ", " + String.join(", ", days);
    }

    private String time(String s, String m, String h) {
        if (number(s) && number(m) && NUMBERS.matcher(h).matches()) {
            List<String> times = new ArrayList<>();
            for (String hour : h.split(",")) {
                times.add(clock(Integer.parseInt(hour), Integer.parseInt(m), Integer.parseInt(s)));
            }
            return String.join(", ", times);
        }
        if (any(m) && any(h)) {
            if (any(s)) {
                return text("cron.everySecond");
            }
            if (step(s) != null) {
                return text("cron.everySeconds", step(s));
            }
            if (number(s)) {
                return text("cron.everyMinute");
            }
        }
        if (number(s) && any(h)) {
            if (step(m) != null) {
                return text("cron.everyMinutes", step(m));
            }
            if (number(m)) {
                return text("cron.hourlyAt", Integer.parseInt(m));
            }
        }
        if (number(s) && number(m)) {
            if (step(h) != null) {
                return text("cron.everyHoursAt", step(h), Integer.parseInt(m));
            }
            Matcher range = RANGE.matcher(h);
            if (range.matches()) {
                int minute = Integer.parseInt(m);
                int second = Integer.parseInt(s);
                return text("cron.hoursBetween", clock(Integer.parseInt(range.group(1)), minute, second),
                        clock(Integer.parseInt(range.group(2)), minute, second));
            }
        }
        return text("cron.fields", field(s, x -> x), field(m, x -> x), field(h, x -> x));
    }

    /** A field's list of values, ranges and steps, each value named by {@code name}. */
    private String field(String value, Function<String, String> name) {
        if (any(value)) {
            return text("cron.any");
        }
        List<String> parts = new ArrayList<>();
        for (String token : value.split(",")) {
            int slash = token.indexOf('/');
            if (slash >= 0) {
                String base = token.substring(0, slash);
                String step = token.substring(slash + 1);
                parts.add(any(base) ? text("cron.step", step) : text("cron.stepFrom", range(base, name), step));
            } else {
                parts.add(range(token, name));
            }
        }
        return String.join(", ", parts);
    }

    private static String range(String token, Function<String, String> name) {
        int dash = token.indexOf('-');
        if (dash > 0 && !token.startsWith("L")) {
            return name.apply(token.substring(0, dash)) + "–" + name.apply(token.substring(dash + 1));
        }
        return name.apply(token);
    }

    private String month(String value) {
        int n = number(value) ? Integer.parseInt(value) : MONTH_NAMES.indexOf(value) + 1;
        if (n < 1 || n > 12) {
            return value;
        }
        return Month.of(n).getDisplayName(TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale());
    }

    private String dayOfWeek(String value) {
        // Spring: 0 and 7 are Sunday, 1 is Monday
        int n = number(value) ? Integer.parseInt(value) % 7 : DAY_NAMES.indexOf(value);
        if (n < 0 || n > 6) {
            return value;
        }
        return DayOfWeek.of(n == 0 ? 7 : n).getDisplayName(TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale());
    }

    private static String clock(int hour, int minute, int second) {
        return second == 0 ? String.format(Locale.ROOT, "%02d:%02d", hour, minute)
                : String.format(Locale.ROOT, "%02d:%02d:%02d", hour, minute, second);
    }

    private static boolean any(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static boolean number(String field) {
        return field.matches("\\d+");
    }

    private static Integer step(String field) {
        Matcher m = STEP.matcher(field);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }
}
