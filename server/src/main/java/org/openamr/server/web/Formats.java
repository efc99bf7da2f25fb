package org.openamr.server.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.openamr.server.consumption.Units;
import org.openamr.server.unit.HeatUnit;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as the reader's language writes them ({@code 1 234,56} in Russian, {@code 1,234.56}
 * in English), used by the templates as {@code @fmt}. Values stay exact decimals until here: this is
 * the only place they are rounded, and only for display.
 */
@Component("fmt")
public class Formats {

    private final MessageSource messages;

    public Formats(MessageSource messages) {
        this.messages = messages;
    }

    /** Energy in kWh as Gcal ({@link Units#toGcal}: the conversion is consumption's, defined once). */
    public static BigDecimal toGcal(BigDecimal kwh) {
        return Units.toGcal(kwh);
    }

    /** Energy in kWh shown in Gcal. */
    public String gcal(BigDecimal kwh, int decimals) {
        return num(toGcal(kwh), decimals);
    }

    /** Energy in kWh in a heat unit, for a building's sums: kWh whole, Gcal and GJ to three decimals. */
    public String heat(BigDecimal kwh, HeatUnit unit) {
        return num(unit.fromKwh(kwh), unit == HeatUnit.KWH ? 0 : 3);
    }

    /** Energy in kWh in a heat unit, for an apartment's smaller figures: kWh whole, else the unit's decimals. */
    public String heatFine(BigDecimal kwh, HeatUnit unit) {
        return num(unit.fromKwh(kwh), unit == HeatUnit.KWH ? 0 : unit.decimals());
    }

    /** A heat unit as the reader's language writes it (Гкал, кВт·ч, ГДж). */
    public String heatUnit(HeatUnit unit) {
        return unit(unit.symbol());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    /** A value rounded half-even to {@code decimals} for display; a dash when unknown (never 0). */
    public String num(BigDecimal value, int decimals) {
        if (value == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(value);
    }

    /** A register value as stored: every decimal kept. */
    public String exact(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return num(value, Math.max(0, value.stripTrailingZeros().scale()));
    }

    public String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale());
        return f.format((double) part / whole);
    }

    public String dateTime(Instant at, ZoneId zone) {
        if (at == null) {
            return "—";
        }
        // the date as the language writes it, the time always on the 24-hour clock: meter data is read
        // at 00:00, which "12:00 AM" hides
        var local = at.atZone(zone);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(local) + " "
                + DateTimeFormatter.ofPattern("HH:mm").format(local);
    }

    public String date(Instant at, ZoneId zone) {
        if (at == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(at.atZone(zone));
    }

    /** A calendar date as the language writes it: 1 нояб. 2026 г. / Nov 1, 2026. */
    public String day(java.time.LocalDate date) {
        if (date == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** "March 2026" / "март 2026": the standalone month name, as a column heading. */
    public String month(Instant start, ZoneId zone) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale()).format(start.atZone(zone));
    }

    public String day(Instant start, ZoneId zone) {
        return DateTimeFormatter.ofPattern("dd.MM", locale()).format(start.atZone(zone));
    }

    /** A unit as the reader's language writes it (кВт·ч, м³); unknown units as they are. */
    public String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return messages.getMessage("unit." + unit.replace("³", "3"), null, unit, locale());
    }

    /** A maker as people know it ("Danfoss"), from its M-Bus code ("DFS"); an unknown code as it is, none as "—". */
    public String maker(String code) {
        return code == null ? "—" : org.openamr.mbus.app.ManufacturerNames.shown(code);
    }

    /** How long ago, in the largest whole unit: "3 h", "2 d" / "3 ч", "2 дн.". */
    public String age(Instant at) {
        if (at == null) {
            return messages.getMessage("age.never", null, locale());
        }
        Duration d = Duration.between(at, Instant.now());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toMinutes() < 1) {
            return messages.getMessage("age.justNow", null, locale());
        }
        if (d.toMinutes() < 60) {
            return messages.getMessage("age.minutes", new Object[] {d.toMinutes()}, locale());
        }
        if (d.toHours() < 48) {
            return messages.getMessage("age.hours", new Object[] {d.toHours()}, locale());
        }
        return messages.getMessage("age.days", new Object[] {d.toDays()}, locale());
    }

    /**
     * A message whose number meets a noun, in the plural form the number takes in the reader's language
     * ({@link Plural}); {@code n} is the message's argument {0}, the others follow it.
     */
    public String count(String key, long n, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = n;
        System.arraycopy(more, 0, args, 1, more.length);
        Locale locale = locale();
        String plain = messages.getMessage(key, args, locale);
        return messages.getMessage(Plural.of(n, locale).key(key), args, plain, locale);
    }

    /** How long something took: "0.4 s", "3 min 5 s", "2 h 10 min" / "0,4 с", "3 мин 5 с", "2 ч 10 мин". */
    public String duration(Duration d) {
        if (d == null) {
            return "—";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return messages.getMessage("duration.seconds", new Object[] {num(BigDecimal.valueOf(d.toMillis(), 3), 1)},
                    locale());
        }
        if (s < 3600) {
            return messages.getMessage("duration.minutes", new Object[] {s / 60, s % 60}, locale());
        }
        return messages.getMessage("duration.hours", new Object[] {s / 3600, s % 3600 / 60}, locale());
    }
}
