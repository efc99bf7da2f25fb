package org.openamr.server.report.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One value of a report row. A number stays an exact decimal up to the renderer: data formats (CSV, XML, the
 * XLSX cell's value) write it as it is, formats for reading (TXT, PDF, the XLSX number format) show the column's
 * decimals. A missing figure is {@link Missing} with the word the reader sees, never a zero.
 */
public sealed interface Cell {

    /** The value as data formats write it: numbers in plain notation with a point, dates and times in ISO 8601. */
    String plain();

    record Text(String text) implements Cell {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public String plain() {
            return text;
        }
    }

    /**
     * @param decimals the decimals shown for this value when they differ from its column's (a column of heat and
     *                 water figures shows Gcal with 4 and m³ with 3); null for the column's
     */
    record Number(BigDecimal value, Integer decimals) implements Cell {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        public Number(BigDecimal value) {
            this(value, null);
        }

        /** The decimals to show in this column. */
        public int decimalsIn(Column column) {
            return decimals != null ? decimals : column.decimals();
        }

        public String plain() {
            return value.toPlainString();
        }
    }

    record Date(LocalDate date) implements Cell {
        public Date {
            Objects.requireNonNull(date, "date");
        }

        public String plain() {
            return date.toString();
        }
    }

    /** A moment in the building's local time, with its offset so that a file read elsewhere keeps it exact. */
    record Time(OffsetDateTime time) implements Cell {
        public Time {
            Objects.requireNonNull(time, "time");
        }

        public String plain() {
            return time.toString();
        }
    }

    /**
     * No value, with what the reader is told instead (e.g. «нет данных»); empty text for a cell that simply does not
     * apply. Data formats write it as an empty field.
     */
    record Missing(String shown) implements Cell {
        public static final Missing BLANK = new Missing("");

        public Missing {
            Objects.requireNonNull(shown, "shown");
        }

        public String plain() {
            return "";
        }
    }

    static Cell text(String text) {
        return text == null || text.isEmpty() ? Missing.BLANK : new Text(text);
    }

    static Cell number(BigDecimal value) {
        return value == null ? Missing.BLANK : new Number(value);
    }

    static Cell number(BigDecimal value, int decimals) {
        return value == null ? Missing.BLANK : new Number(value, decimals);
    }

    static Cell date(LocalDate date) {
        return date == null ? Missing.BLANK : new Date(date);
    }

    static Cell time(OffsetDateTime time) {
        return time == null ? Missing.BLANK : new Time(time);
    }
}
