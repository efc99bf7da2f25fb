package org.openamr.server.web;

import java.util.Locale;

/**
 * The plural category of a whole number in a language, by the CLDR rules that ICU's MessageFormat applies
 * (only the two languages the pages speak): Russian "1 день, 2 дня, 5 дней, 21 день", English "1 day, 2
 * days". A message that puts a number before a noun has a key per category ({@code key.one}, {@code key.few},
 * {@code key.many}) beside its plain key, which is the fallback ("other").
 */
public enum Plural {
    ONE, FEW, MANY, OTHER;

    public static Plural of(long n, Locale locale) {
        long abs = Math.abs(n);
        if ("ru".equals(locale.getLanguage())) {
            long ten = abs % 10;
            long hundred = abs % 100;
            if (ten == 1 && hundred != 11) {
                return ONE;
            }
            if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) {
                return FEW;
            }
            return MANY;
        }
        return abs == 1 ? ONE : OTHER;
    }

    /** The message key of this category: {@code building.byDay.few}. */
    public String key(String base) {
        return base + "." + name().toLowerCase(Locale.ROOT);
    }
}
