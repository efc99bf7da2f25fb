package org.openamr.server.report.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;

/** CSV and fixed-width text: what billing programs and line printers get, in both charsets. */
class TextRenderersTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    static ReportDocument report(String text) {
        List<Column> columns = List.of(Column.text("name", "Квартира", 8), Column.number("dt", "ΔT, °C", 1, 6),
                Column.number("v", "V, м³", 3, 8), Column.date("day", "Дата"));
        Section s = new Section("s", "Ведомость", columns, List.of(
                Row.of(Cell.text(text), new Cell.Number(new BigDecimal("20.25")), new Cell.Number(new BigDecimal("1.23456")),
                        Cell.date(LocalDate.of(2026, 11, 30))),
                Row.of(Cell.text("кв. 2"), new Cell.Missing("нет данных"), Cell.Missing.BLANK, Cell.Missing.BLANK)),
                List.of(Row.of(Cell.text("Итого"), Cell.Missing.BLANK, new Cell.Number(new BigDecimal("1.23456")),
                        Cell.Missing.BLANK)));
        return new ReportDocument("statement", RU, "Ведомость", List.of(new Field("Адрес", "ул. Ленина, 1")),
                List.of(s), List.of("Примечание"), List.of("Ответственное лицо"),
                OffsetDateTime.parse("2026-12-01T10:15:00+03:00"));
    }

    static byte[] write(ReportRenderer r, ReportDocument d, RenderOptions o) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.write(d, o, out);
        return out.toByteArray();
    }

    @Test
    void csvIsTheMainTableExactWithABomQuotedWhereNeededAndWithoutTotals() throws Exception {
        byte[] b = write(new CsvRenderer(), report("кв. 1; \"угловая\""), RenderOptions.DEFAULT);
        assertThat(b).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("Квартира;ΔT, °C;V, м³;Дата\r\n"
                + "\"кв. 1; \"\"угловая\"\"\";20,25;1,23456;2026-11-30\r\n"
                + "кв. 2;;;\r\n");
    }

    @Test
    void windows1251FoldsWhatItLacksAndRefusesTheRest() throws Exception {
        RenderOptions cp1251 = new RenderOptions(RenderOptions.WINDOWS_1251, '.');
        String text = new String(write(new CsvRenderer(), report("кв. 1"), cp1251), RenderOptions.WINDOWS_1251);
        assertThat(text).startsWith("Квартира;dT, °C;V, м3;Дата\r\nкв. 1;20.25;1.23456;");
        assertThatThrownBy(() -> write(new CsvRenderer(), report("кв. ☀"), cp1251))
                .isInstanceOf(UnencodableTextException.class).hasMessageContaining("'кв. ☀'")
                .hasMessageContaining("windows-1251").hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> write(new TxtRenderer(), report("кв. ☀"), cp1251))
                .isInstanceOf(UnencodableTextException.class);
    }

    @Test
    void textIsFixedWidthWithTheColumnsDecimalsTotalsAndSignature() throws Exception {
        String text = new String(write(new TxtRenderer(), report("кв. 1"), RenderOptions.DEFAULT),
                StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        // each column as wide as its widest text: «нет данных» widens ΔT; numbers right-aligned, half-even
        assertThat(lines).containsSubsequence("Ведомость", "Адрес: ул. Ленина, 1", "", "Ведомость",
                "Квартира | ΔT, °C     | V, м³ | Дата",
                "---------+------------+-------+-----------",
                "кв. 1    |       20,2 | 1,235 | 30.11.2026",
                "кв. 2    | нет данных |       |",
                "---------+------------+-------+-----------",
                "Итого    |            | 1,235 |",
                "", "Примечание", "", "Ответственное лицо ____________________ / ____________________", "",
                "01.12.2026 10:15");
    }
}
