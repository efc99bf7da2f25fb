package org.openamr.server.report.table;

import java.util.Objects;

/**
 * A column of a report table.
 *
 * @param id       a stable name in Latin letters for data formats (the XML's {@code column} attribute)
 * @param label    the heading in the report's language, with the unit where there is one («Расход, Гкал»)
 * @param type     what its values are, for alignment and number formats
 * @param decimals for NUMBER columns, the decimals shown in formats for reading; ignored otherwise
 * @param width    the usual width in characters, for fixed-width text and spreadsheet column widths
 * @param onPaper  whether the PDF shows it: a landscape page holds about fifteen columns, so a column that repeats
 *                 the header (the address of a one-building statement) or details what another column says stays
 *                 in the data formats only
 */
public record Column(String id, String label, ColumnType type, int decimals, int width, boolean onPaper) {

    public Column(String id, String label, ColumnType type, int decimals, int width) {
        this(id, label, type, decimals, width, true);
    }

    /** This column left out of the PDF. */
    public Column offPaper() {
        return new Column(id, label, type, decimals, width, false);
    }

    /** This column on paper only when {@code shown} (the address when a report covers several buildings). */
    public Column onPaperIf(boolean shown) {
        return shown ? this : offPaper();
    }

    public Column {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        if (decimals < 0 || width < 1) {
            throw new IllegalArgumentException("column " + id + ": decimals " + decimals + ", width " + width);
        }
    }

    public static Column text(String id, String label, int width) {
        return new Column(id, label, ColumnType.TEXT, 0, width);
    }

    public static Column number(String id, String label, int decimals, int width) {
        return new Column(id, label, ColumnType.NUMBER, decimals, width);
    }

    public static Column date(String id, String label) {
        return new Column(id, label, ColumnType.DATE, 0, 10);
    }

    public static Column time(String id, String label) {
        return new Column(id, label, ColumnType.DATE_TIME, 0, 16);
    }
}
