package org.openamr.server.report.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.lowagie.text.pdf.PdfReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;

/**
 * Renders reports and reads them back with poppler's tools (pdftotext, pdfinfo, pdffonts, pdftoppm), as a reader
 * would: what matters is the text a viewer extracts and that the fonts travel with the file, not OpenPDF's objects.
 * The tools are required, not optional: without them the test fails rather than passing unchecked.
 */
class PdfRendererTest {

    private static final Path OUT = Paths.get("target", "report-pdf");
    private static final OffsetDateTime GENERATED = OffsetDateTime.of(2026, 12, 1, 10, 15, 0, 0, ZoneOffset.ofHours(3));

    private final PdfRenderer renderer = new PdfRenderer();

    @Test
    void russianStatementReadsBackWithCyrillicPagesAndEmbeddedFonts() throws Exception {
        Path pdf = save("statement-sample.pdf", render(statement(Locale.forLanguageTag("ru"), 250)));

        int pages = pageCount(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        String text = run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text)
                .contains("Ведомость потребления по квартирам")
                .contains("Адрес: ул. Ленина, 1")
                .contains("кв. 17")
                .contains("12,346")
                .doesNotContain("12,3456")
                .contains("нет данных")
                .contains("Итого")
                .contains("Показания на конец периода сняты дистанционно.")
                .contains("Ответственное лицо")
                .contains("Страница 1 из " + pages)
                .contains("Страница " + pages + " из " + pages)
                .contains("Сформировано 01.12.2026 10:15");
        assertThat(apartments(text)).isEqualTo(IntStream.rangeClosed(1, 250).boxed().collect(Collectors.toSet()));

        for (int page = 1; page <= pages; page++) {
            String one = run("pdftotext", "-layout", "-enc", "UTF-8", "-f", "" + page, "-l", "" + page,
                    pdf.toString(), "-");
            assertThat(one).as("page %d", page)
                    .contains("Ведомость потребления по квартирам")
                    .contains("Страница " + page + " из " + pages);
            // Once a page, also where a chunk of rows ends mid-page; the last page may hold only the signatures.
            long headings = one.lines().filter(l -> l.contains("Лицевой счёт")).count();
            assertThat(headings).as("heading rows on page %d", page).isEqualTo(page < pages ? 1 : headings)
                    .isLessThanOrEqualTo(1);
        }

        List<String> fonts = run("pdffonts", pdf.toString()).lines().skip(2).toList();
        assertThat(fonts).as("pdffonts").isNotEmpty().allSatisfy(line -> assertThat(line)
                .containsPattern("^\\w{6}\\+DejaVuSansCondensed(-Bold)?\\s+CID TrueType\\s+Identity-H\\s+yes\\s"));
        assertThat(fonts).anyMatch(l -> l.contains("DejaVuSansCondensed-Bold"));

        BufferedImage first = firstPageImage(pdf);
        assertThat(first.getWidth()).as("landscape").isGreaterThan(first.getHeight());
    }

    @Test
    void englishReportNumbersItsPagesInEnglish() throws Exception {
        Path pdf = save("statement-sample-en.pdf", render(statement(Locale.ENGLISH, 40)));

        String text = run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
        assertThat(text).contains("Page 1 of " + pageCount(pdf)).contains("Generated 01.12.2026 10:15")
                .contains("12.346");
    }

    @Test
    void emptySectionStillShowsItsHeadingRow() throws Exception {
        ReportDocument base = statement(Locale.ENGLISH, 3);
        Section empty = new Section("events", "Events", List.of(Column.text("event", "Event kind", 20),
                Column.time("at", "Registered at")), List.of(), List.of());
        ReportDocument report = new ReportDocument(base.kind(), base.locale(), base.title(), base.header(),
                List.of(base.main(), empty), base.notes(), base.signatures(), base.generatedAt());
        Path pdf = save("empty-section.pdf", render(report));

        assertThat(run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"))
                .contains("Events").contains("Event kind").contains("Registered at");
    }

    @Test
    void largeReportRendersInChunksAndLeavesTheStreamOpen() throws Exception {
        List<Column> columns = List.of(Column.text("apartment", "Квартира", 10),
                Column.number("volume", "Объём, м³", 3, 10), Column.date("date", "Дата"));
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            rows.add(Row.of(Cell.text("кв. " + i), Cell.number(new BigDecimal(i).movePointLeft(2)),
                    Cell.date(LocalDate.of(2026, 11, 30))));
        }
        ReportDocument report = new ReportDocument("statement", Locale.forLanguageTag("ru"), "Большой отчёт",
                List.of(), List.of(new Section("main", "Квартиры", columns, rows, List.of())), List.of(), List.of(),
                GENERATED);
        ClosingRecorder out = new ClosingRecorder();

        renderer.write(report, RenderOptions.DEFAULT, out);

        assertThat(out.closed).as("the renderer closed the caller's stream").isFalse();
        assertThat(new PdfReader(out.toByteArray()).getNumberOfPages()).isGreaterThan(10);
    }

    /** A Russian statement of {@code rows} apartments; row 17 has 12.3456 in a 3-decimal column, row 5 no data. */
    private static ReportDocument statement(Locale locale, int rows) {
        List<Column> columns = List.of(
                Column.text("apartment", "Квартира", 10),
                Column.text("account", "Лицевой счёт", 14),
                Column.text("meter", "Счётчик", 12),
                Column.number("start", "Показание на начало, Гкал", 3, 14),
                Column.number("end", "Показание на конец, Гкал", 3, 14),
                Column.number("consumption", "Расход, Гкал", 3, 12),
                Column.date("read", "Дата показания"));
        List<Row> list = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            BigDecimal start = new BigDecimal(i).movePointLeft(1);
            Cell end = i == 5 ? new Cell.Missing("нет данных") : Cell.number(start.add(new BigDecimal("12.3456")));
            Cell consumption = i == 5 ? new Cell.Missing("нет данных") : Cell.number(new BigDecimal("12.3456"));
            list.add(Row.of(Cell.text("кв. " + i), Cell.text(String.format("%010d", 4_700_000 + i)),
                    Cell.text("СТЭ-" + (31_000 + i)), Cell.number(start), end, consumption,
                    Cell.date(LocalDate.of(2026, 11, 30))));
        }
        Row total = Row.of(Cell.text("Итого"), Cell.Missing.BLANK, Cell.Missing.BLANK, Cell.Missing.BLANK,
                Cell.Missing.BLANK, Cell.number(new BigDecimal("12.3456").multiply(new BigDecimal(rows - 1))),
                Cell.Missing.BLANK);
        return new ReportDocument("statement", locale, "Ведомость потребления по квартирам",
                List.of(new Field("Адрес", "ул. Ленина, 1"), new Field("Период", "01.11.2026 – 30.11.2026")),
                List.of(new Section("main", "Квартиры", columns, list, List.of(total))),
                List.of("Показания на конец периода сняты дистанционно.", "«нет данных» — счётчик не ответил."),
                List.of("Ответственное лицо"), GENERATED);
    }

    private byte[] render(ReportDocument report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.write(report, RenderOptions.DEFAULT, out);
        return out.toByteArray();
    }

    private static Path save(String name, byte[] pdf) throws IOException {
        Files.createDirectories(OUT);
        return Files.write(OUT.resolve(name), pdf);
    }

    private static Set<Integer> apartments(String text) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("кв\\. (\\d+)\\b").matcher(text);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static int pageCount(Path pdf) throws Exception {
        Matcher m = Pattern.compile("(?m)^Pages:\\s+(\\d+)$").matcher(run("pdfinfo", pdf.toString()));
        assertThat(m.find()).as("pdfinfo shows the page count").isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Renders page 1 at 60 dpi with pdftoppm, which names the file after the page (…-1.png, …-01.png …). */
    private static BufferedImage firstPageImage(Path pdf) throws Exception {
        String base = pdf.getFileName().toString().replaceFirst("\\.pdf$", "");
        try (DirectoryStream<Path> old = Files.newDirectoryStream(OUT, base + "-*.png")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve(base).toString());
        List<Path> images = new ArrayList<>();
        try (DirectoryStream<Path> made = Files.newDirectoryStream(OUT, base + "-*.png")) {
            made.forEach(images::add);
        }
        assertThat(images).as("pdftoppm's PNG of page 1").hasSize(1);
        assertThat(Files.size(images.get(0))).as("PNG size").isGreaterThan(10_000);
        return ImageIO.read(images.get(0).toFile());
    }

    /** Runs a poppler tool and returns its standard output; a missing tool fails the test, naming the package. */
    private static String run(String... command) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            return fail(command[0] + " is not installed; the PDF tests read reports back with poppler's tools:"
                    + " apt-get install poppler-utils", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Remembers whether the renderer closed the stream it was given. */
    private static final class ClosingRecorder extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
