package org.openamr.server.report.format;

import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ColumnType;

/**
 * A cell as a person reads it on paper or screen: numbers with the column's decimals (rounded half-even, the
 * exact value staying in data formats), dates as the reader's language writes them, times to the minute.
 */
public final class ShownText {

    private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter RU_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ShownText() {
    }

    public static String of(Cell cell, Column column, Locale locale, char decimalSeparator) {
        boolean ru = "ru".equals(locale.getLanguage());
        if (cell instanceof Cell.Number n) {
            String s = column.type() == ColumnType.NUMBER || n.decimals() != null
                    ? n.value().setScale(n.decimalsIn(column), RoundingMode.HALF_EVEN).toPlainString()
                    : n.value().toPlainString();
            return decimalSeparator == '.' ? s : s.replace('.', decimalSeparator);
        }
        if (cell instanceof Cell.Date d) {
            return ru ? RU_DATE.format(d.date()) : d.date().toString();
        }
        if (cell instanceof Cell.Time t) {
            return (ru ? RU_TIME : ISO_TIME).format(t.time());
        }
        if (cell instanceof Cell.Missing m) {
            return m.shown();
        }
        return ((Cell.Text) cell).text();
    }

    /** The decimal separator a reader of this language expects. */
    public static char separator(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? ',' : '.';
    }
}
