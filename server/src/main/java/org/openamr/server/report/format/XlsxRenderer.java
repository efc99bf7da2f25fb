package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ColumnType;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Section;
import org.springframework.stereotype.Component;

/**
 * A report as an Excel workbook: one sheet per section, with real numbers and dates that a reader can sum and
 * sort, shown with the column's decimals. Written with the streaming {@link SXSSFWorkbook}, which keeps only a
 * window of rows in memory and spills the rest to a temporary file, so that a statement of 30 000 flats costs no
 * more heap than one of 30.
 *
 * <p>Each sheet holds the report's title, its header fields, an empty row, the column headings (frozen, so they
 * stay in view while scrolling), the rows and the totals. Notes and signature lines follow the main table on the
 * first sheet, as they would on paper.
 *
 * <p>{@link RenderOptions} do not apply: a workbook has no charset, and Excel shows a number's decimal separator
 * as the reader's system settings say.
 */
@Component
public class XlsxRenderer implements ReportRenderer {

    /** Rows kept in memory per sheet before they are flushed to the temporary file. */
    private static final int ROW_WINDOW = 200;
    /** Excel's limit on a sheet name, in UTF-16 units. */
    static final int SHEET_NAME_MAX = 31;
    /** Narrower columns would hide their heading even wrapped. */
    private static final int MIN_WIDTH = 6;
    /** Excel's widest column, in characters. */
    private static final int MAX_WIDTH = 255;
    private static final String SIGNATURE_BLANKS = " ____________ / ____________";

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(report.title());
            Styles styles = new Styles(workbook, "ru".equals(report.locale().getLanguage()));
            Set<String> taken = new HashSet<>(Set.of("history")); // Excel reserves «History» for itself
            for (Section section : report.sections()) {
                Sheet sheet = workbook.createSheet(sheetName(section.title(), section.id(), taken));
                int next = writeTable(sheet, report, section, styles);
                if (section == report.main()) {
                    writeClosing(sheet, next, report);
                }
            }
            // writes into the given stream without closing it
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Writes the sheet's heading and table; returns the index of the first row after it. */
    private static int writeTable(Sheet sheet, ReportDocument report, Section section, Styles styles) {
        int r = 0;
        text(sheet.createRow(r++), 0, report.title(), styles.title);
        for (Field f : report.header()) {
            text(sheet.createRow(r++), 0, f.label() + ": " + f.value(), null);
        }
        r++;
        List<Column> columns = section.columns();
        Row heading = sheet.createRow(r++);
        for (int c = 0; c < columns.size(); c++) {
            text(heading, c, columns.get(c).label(), styles.heading);
            int width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns.get(c).width()));
            sheet.setColumnWidth(c, width * 256);
        }
        sheet.createFreezePane(0, r);
        for (org.openamr.server.report.table.Row row : section.rows()) {
            writeRow(sheet.createRow(r++), columns, row, styles, false);
        }
        for (org.openamr.server.report.table.Row row : section.totals()) {
            writeRow(sheet.createRow(r++), columns, row, styles, true);
        }
        return r;
    }

    private static void writeRow(Row target, List<Column> columns, org.openamr.server.report.table.Row row,
                                 Styles styles, boolean total) {
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Cell cell = row.cells().get(c);
            if (cell instanceof Cell.Number n) {
                // XLSX stores every number as a binary double: the exact decimal is what CSV and XML carry, and a
                // value of up to 15 significant digits (every meter reading and sum here) reads back exactly
                org.apache.poi.ss.usermodel.Cell x = target.createCell(c);
                x.setCellValue(n.value().doubleValue());
                x.setCellStyle(styles.number(column.type() == ColumnType.NUMBER || n.decimals() != null
                        ? n.decimalsIn(column) : -1, total));
            } else if (cell instanceof Cell.Date d) {
                org.apache.poi.ss.usermodel.Cell x = target.createCell(c);
                x.setCellValue(d.date());
                x.setCellStyle(styles.date(false, total));
            } else if (cell instanceof Cell.Time t) {
                // the building's local time, as the reader of the report lives it; the offset stays in CSV and XML
                org.apache.poi.ss.usermodel.Cell x = target.createCell(c);
                x.setCellValue(t.time().toLocalDateTime());
                x.setCellStyle(styles.date(true, total));
            } else if (cell instanceof Cell.Missing m) {
                if (!m.shown().isEmpty()) {
                    text(target, c, m.shown(), styles.missing(total));
                }
            } else {
                text(target, c, ((Cell.Text) cell).text(), total ? styles.bold : null);
            }
        }
    }

    /** Notes, then the lines to sign, below the main table after an empty row each. */
    private static void writeClosing(Sheet sheet, int next, ReportDocument report) {
        int r = next;
        if (!report.notes().isEmpty()) {
            r++;
            for (String note : report.notes()) {
                text(sheet.createRow(r++), 0, note, null);
            }
        }
        for (String signature : report.signatures()) {
            r++;
            text(sheet.createRow(r++), 0, signature + SIGNATURE_BLANKS, null);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell x = row.createCell(column);
        x.setCellValue(value);
        if (style != null) {
            x.setCellStyle(style);
        }
    }

    /**
     * A sheet name Excel accepts: none of {@code []:*?/\} (nor control characters), no apostrophe at either end,
     * at most 31 characters, and unlike every name already taken (Excel compares them ignoring case). A blank
     * title falls back to the section's id; a taken one gets « (2)», « (3)» ….
     *
     * @param taken the lower-cased names already used, to which the result is added
     */
    static String sheetName(String title, String fallback, Set<String> taken) {
        String name = clean(title);
        if (name.isEmpty()) {
            name = clean(fallback);
        }
        if (name.isEmpty()) {
            name = "Sheet";
        }
        String candidate = cut(name, SHEET_NAME_MAX);
        for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            candidate = cut(name, SHEET_NAME_MAX - suffix.length()) + suffix;
        }
        return candidate;
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").replaceAll("\\s+", " ");
        return trim(s);
    }

    /** The first {@code max} UTF-16 units, never splitting a surrogate pair, trimmed again. */
    private static String cut(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int end = Character.isHighSurrogate(name.charAt(max - 1)) ? max - 1 : max;
        return trim(name.substring(0, end));
    }

    private static String trim(String s) {
        String t = s.strip();
        while (t.startsWith("'") || t.endsWith("'")) {
            t = (t.startsWith("'") ? t.substring(1) : t.substring(0, t.length() - 1)).strip();
        }
        return t;
    }

    /**
     * The workbook's cell styles, each made once and shared by every cell that looks alike: Excel allows some
     * 64 000 styles per workbook, and a style per cell would also bloat the file.
     */
    private static final class Styles {

        private final Workbook workbook;
        private final boolean russian;
        private final Font boldFont;
        private final Map<String, CellStyle> cache = new HashMap<>();
        final CellStyle title;
        final CellStyle heading;
        final CellStyle bold;

        Styles(Workbook workbook, boolean russian) {
            this.workbook = workbook;
            this.russian = russian;
            boldFont = font(true, false);
            title = workbook.createCellStyle();
            title.setFont(boldFont);
            bold = title;
            heading = workbook.createCellStyle();
            heading.setFont(boldFont);
            heading.setWrapText(true);
            heading.setVerticalAlignment(VerticalAlignment.CENTER);
            heading.setBorderTop(BorderStyle.THIN);
            heading.setBorderBottom(BorderStyle.THIN);
            heading.setBorderLeft(BorderStyle.THIN);
            heading.setBorderRight(BorderStyle.THIN);
        }

        /** @param decimals the column's decimals, or -1 for Excel's general format */
        CellStyle number(int decimals, boolean total) {
            String format = decimals < 0 ? "General" : decimals == 0 ? "0" : "0." + "0".repeat(decimals);
            return formatted(format, total);
        }

        CellStyle date(boolean withTime, boolean total) {
            String format = russian ? "dd.mm.yyyy" : "yyyy-mm-dd";
            return formatted(withTime ? format + " hh:mm" : format, total);
        }

        CellStyle missing(boolean total) {
            return cache.computeIfAbsent("missing/" + total, k -> {
                CellStyle s = workbook.createCellStyle();
                s.setFont(font(total, true));
                return s;
            });
        }

        private CellStyle formatted(String format, boolean total) {
            return cache.computeIfAbsent(format + "/" + total, k -> {
                CellStyle s = workbook.createCellStyle();
                s.setDataFormat(workbook.createDataFormat().getFormat(format));
                if (total) {
                    s.setFont(boldFont);
                }
                return s;
            });
        }

        private Font font(boolean isBold, boolean italic) {
            Font f = workbook.createFont();
            f.setBold(isBold);
            f.setItalic(italic);
            return f;
        }
    }
}
