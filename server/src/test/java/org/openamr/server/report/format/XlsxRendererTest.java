package org.openamr.server.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;

/**
 * The workbook as Excel reads it back: a sheet per section named by its title, frozen column headings, real
 * numbers with the column's decimals, real dates, the missing figures in words, bold totals, the notes and the
 * lines to sign; a 30 000-row statement; sheet names Excel accepts whatever the title.
 */
class XlsxRendererTest {

    static final OffsetDateTime GENERATED = OffsetDateTime.of(2026, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(3));
    static final List<Column> STATEMENT_COLUMNS = List.of(
            Column.text("premise", "Квартира", 10),
            Column.number("volume", "Расход, м³", 3, 12),
            Column.date("readOn", "Дата показаний"),
            Column.time("readAt", "Время опроса"));
    /** Rows above the first data row: title, two header fields, an empty row, the column headings. */
    static final int FIRST_DATA_ROW = 5;

    private final XlsxRenderer renderer = new XlsxRenderer();

    static Row statementRow(int i) {
        Cell volume = i == 7 ? new Cell.Missing("нет данных") : new Cell.Number(new BigDecimal("12.3456").add(
                BigDecimal.valueOf(i)));
        return Row.of(new Cell.Text("кв. " + i), volume, new Cell.Date(LocalDate.of(2026, 11, 1 + i % 28)),
                new Cell.Time(OffsetDateTime.of(2026, 11, 30, 23, 59, 0, 0, ZoneOffset.ofHours(3))));
    }

    static ReportDocument report(Locale locale, int rows, List<Section> more) {
        List<Row> list = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            list.add(statementRow(i));
        }
        Row total = Row.of(new Cell.Text("Итого"), new Cell.Number(new BigDecimal("1234.5678")), Cell.Missing.BLANK,
                Cell.Missing.BLANK);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("statement", "Ведомость", STATEMENT_COLUMNS, list, List.of(total)));
        sections.addAll(more);
        return new ReportDocument("statement", locale, "Ведомость потребления по квартирам",
                List.of(new Field("Адрес", "ул. Ленина, 1"), new Field("Период", "01.11.2026 – 30.11.2026")),
                sections, List.of("Показания на конец периода."), List.of("Ответственное лицо"), GENERATED);
    }

    static Section summary() {
        List<Column> columns = List.of(Column.text("resource", "Ресурс", 20),
                Column.number("volume", "Расход", 0, 10));
        return new Section("summary", "Итоги", columns,
                List.of(Row.of(new Cell.Text("Холодная вода"), new Cell.Number(new BigDecimal("1234")))), List.of());
    }

    /** Remembers whether it was closed, which a renderer must leave to its caller. */
    static final class Sink extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    XSSFWorkbook render(ReportDocument report) throws IOException {
        Sink out = new Sink();
        renderer.write(report, RenderOptions.DEFAULT, out);
        assertThat(out.closed).isFalse();
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void writesEverySectionAsASheetWithRealNumbersAndDates() throws IOException {
        assertThat(renderer.format()).isEqualTo(ReportFormat.XLSX);
        try (XSSFWorkbook wb = render(report(Locale.forLanguageTag("ru"), 50, List.of(summary())))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(wb.getSheetName(0)).isEqualTo("Ведомость");
            assertThat(wb.getSheetName(1)).isEqualTo("Итоги");
            XSSFSheet sheet = wb.getSheetAt(0);

            // title, header fields, then the column headings, frozen below
            XSSFCell title = sheet.getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo("Ведомость потребления по квартирам");
            assertThat(title.getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Адрес: ул. Ленина, 1");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Период: 01.11.2026 – 30.11.2026");
            assertThat(sheet.getRow(3) == null).as("row left empty").isTrue();
            XSSFCell heading = sheet.getRow(4).getCell(1);
            assertThat(heading.getStringCellValue()).isEqualTo("Расход, м³");
            assertThat(heading.getCellStyle().getFont().getBold()).isTrue();
            assertThat(heading.getCellStyle().getWrapText()).isTrue();
            assertThat(heading.getCellStyle().getBorderBottom()).isEqualTo(BorderStyle.THIN);
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat((int) pane.getHorizontalSplitPosition()).isEqualTo(FIRST_DATA_ROW);
            assertThat((int) pane.getVerticalSplitPosition()).isZero();

            assertThat(sheet.getColumnWidth(0)).isEqualTo(10 * 256);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(12 * 256);
            assertThat(sheet.getColumnWidth(3)).isEqualTo(16 * 256);

            // the first data row: text, number, date, time
            org.apache.poi.ss.usermodel.Row first = sheet.getRow(FIRST_DATA_ROW);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("кв. 1");
            XSSFCell volume = sheet.getRow(FIRST_DATA_ROW).getCell(1);
            assertThat(volume.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(volume.getNumericCellValue()).isEqualTo(13.3456);
            assertThat(volume.getCellStyle().getDataFormatString()).isEqualTo("0.000");
            XSSFCell date = sheet.getRow(FIRST_DATA_ROW).getCell(2);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy");
            XSSFCell time = sheet.getRow(FIRST_DATA_ROW).getCell(3);
            assertThat(DateUtil.isCellDateFormatted(time)).isTrue();
            assertThat(time.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 30, 23, 59));
            assertThat(time.getCellStyle().getDataFormatString()).isEqualTo("dd.mm.yyyy hh:mm");

            // the missing figure in words, in italics
            XSSFCell missing = sheet.getRow(FIRST_DATA_ROW + 6).getCell(1);
            assertThat(missing.getCellType()).isEqualTo(CellType.STRING);
            assertThat(missing.getStringCellValue()).isEqualTo("нет данных");
            assertThat(missing.getCellStyle().getFont().getItalic()).isTrue();

            // the totals row: values in bold, a blank missing cell left empty
            org.apache.poi.ss.usermodel.Row total = sheet.getRow(FIRST_DATA_ROW + 50);
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Итого");
            assertThat(wb.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(total.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(1234.5678);
            assertThat(total.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.000");
            assertThat(wb.getFontAt(total.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(total.getCell(2)).isNull();

            // notes and the line to sign below the main table, each after an empty row
            assertThat(sheet.getRow(FIRST_DATA_ROW + 51) == null).as("row left empty").isTrue();
            assertThat(sheet.getRow(FIRST_DATA_ROW + 52).getCell(0).getStringCellValue())
                    .isEqualTo("Показания на конец периода.");
            assertThat(sheet.getRow(FIRST_DATA_ROW + 53) == null).as("row left empty").isTrue();
            assertThat(sheet.getRow(FIRST_DATA_ROW + 54).getCell(0).getStringCellValue())
                    .isEqualTo("Ответственное лицо ____________ / ____________");
            assertThat(sheet.getLastRowNum()).isEqualTo(FIRST_DATA_ROW + 54);

            // the second sheet: same heading, its own table, a number without decimals, no notes
            XSSFSheet second = wb.getSheetAt(1);
            assertThat(second.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Ведомость потребления по квартирам");
            assertThat(second.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) FIRST_DATA_ROW);
            XSSFCell whole = second.getRow(FIRST_DATA_ROW).getCell(1);
            assertThat(whole.getNumericCellValue()).isEqualTo(1234.0);
            assertThat(whole.getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(second.getColumnWidth(0)).isEqualTo(20 * 256);
            assertThat(second.getLastRowNum()).isEqualTo(FIRST_DATA_ROW);

            // styles are shared, not one per cell
            assertThat(wb.getNumCellStyles()).isLessThan(20);
        }
    }

    @Test
    void writesIsoDatesInOtherLanguages() throws IOException {
        try (XSSFWorkbook wb = render(report(Locale.ENGLISH, 3, List.of()))) {
            org.apache.poi.ss.usermodel.Row first = wb.getSheetAt(0).getRow(FIRST_DATA_ROW);
            assertThat(first.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
        }
    }

    @Test
    void writesThirtyThousandRows() throws IOException {
        try (XSSFWorkbook wb = render(report(Locale.forLanguageTag("ru"), 30_000, List.of()))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row last = sheet.getRow(FIRST_DATA_ROW + 29_999);
            assertThat(last.getCell(0).getStringCellValue()).isEqualTo("кв. 30000");
            assertThat(last.getCell(1).getNumericCellValue()).isEqualTo(30012.3456);
            assertThat(sheet.getRow(FIRST_DATA_ROW + 30_000).getCell(0).getStringCellValue()).isEqualTo("Итого");
            assertThat(wb.getNumCellStyles()).isLessThan(20);
        }
    }

    @Test
    void makesSheetNamesExcelAccepts() throws IOException {
        String title = "Расход тепла: по квартирам [подъезд 1/2] *?\\ за ноябрь 2026 года";
        Section one = new Section("heat", title, summary().columns(), summary().rows(), List.of());
        Section two = new Section("heat2", title, summary().columns(), summary().rows(), List.of());
        try (XSSFWorkbook wb = render(report(Locale.forLanguageTag("ru"), 1, List.of(one, two)))) {
            String first = wb.getSheetName(1);
            String second = wb.getSheetName(2);
            assertThat(first).hasSizeLessThanOrEqualTo(31).doesNotContainPattern("[\\[\\]:*?/\\\\]")
                    .isEqualTo("Расход тепла по квартирам подъе");
            assertThat(second).hasSizeLessThanOrEqualTo(31).isEqualTo("Расход тепла по квартирам п (2)");
        }
    }

    @Test
    void fallsBackAndDisambiguatesSheetNames() {
        Set<String> taken = new HashSet<>(Set.of("history"));
        assertThat(XlsxRenderer.sheetName("'Итоги'", "summary", taken)).isEqualTo("Итоги");
        assertThat(XlsxRenderer.sheetName("итоги", "summary", taken)).isEqualTo("итоги (2)");
        assertThat(XlsxRenderer.sheetName(" ?*: ", "summary", taken)).isEqualTo("summary");
        assertThat(XlsxRenderer.sheetName(null, null, taken)).isEqualTo("Sheet");
        assertThat(XlsxRenderer.sheetName("History", "h", taken)).isEqualTo("History (2)");
    }
}
