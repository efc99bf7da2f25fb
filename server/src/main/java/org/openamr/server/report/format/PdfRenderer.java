package org.openamr.server.report.format;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ColumnType;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.springframework.stereotype.Component;

/**
 * A report as a PDF to print and sign: A4 landscape (statements are wide), the report's title on every page and
 * «Страница N из M» under it, each table's heading row repeated on every page it runs onto.
 *
 * <p>The text is set in DejaVu Sans Condensed, embedded from the classpath: the PDF base fonts have no Cyrillic,
 * and a font left to the reader's machine would print addresses as empty boxes where it is missing. Only the
 * glyphs used are embedded (a subset), which keeps a one-page report small.
 *
 * <p>Numbers take the decimal separator of the report's language: {@link RenderOptions} (charset, separator)
 * are for files a billing program reads, a PDF is only read by people.
 *
 * <p>Tables are handed to OpenPDF in chunks of {@value #CHUNK_ROWS} rows (a {@link PdfPTable} left incomplete
 * and added again), so that laying out a statement of thousands of rows holds a chunk of cells, not all of them.
 */
@Component
public class PdfRenderer implements ReportRenderer {

    static final int CHUNK_ROWS = 100;

    private static final String FONT_DIR = "/report/fonts/";
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final Color GREY = new Color(0x60, 0x60, 0x60);
    private static final Color HEADING_FILL = new Color(0xE8, 0xE8, 0xE8);
    // A4 turned, as a plain 842 × 595 box: PageSize.A4.rotate() would keep the portrait box and add /Rotate 90.
    private static final Rectangle PAGE = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
    private static final float BODY_SIZE = 8.5f;
    /** A table of more columns than this (a statement has 17) is set smaller to fit the landscape page. */
    private static final int WIDE_TABLE = 12;
    private static final float WIDE_BODY_SIZE = 7f;
    private static final float MARGIN_SIDE = 36;
    private static final float MARGIN_TOP = 46;
    private static final float MARGIN_BOTTOM = 42;

    // A BaseFont only reads the font file; what each document uses (the subset) is kept by its PdfWriter,
    // so one instance serves every report and the 0.7 MB files are parsed once.
    private final BaseFont regular = loadFont("DejaVuSansCondensed.ttf");
    private final BaseFont bold = loadFont("DejaVuSansCondensed-Bold.ttf");

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException {
        boolean ru = "ru".equals(report.locale().getLanguage());
        Document document = new Document(PAGE, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // The caller owns the stream (an HTTP response, a mail attachment): PdfWriter would close it.
            writer.setCloseStream(false);
            writer.setPageEvent(new PageDecorations(report, ru));
            document.addTitle(report.title());
            document.addCreator("OpenAMR");
            document.open();
            writeBody(document, report);
            document.close();
        } catch (ExceptionConverter e) {
            // OpenPDF wraps the stream's IOException (a client gone away) in this unchecked exception.
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw new IOException("PDF of report " + report.kind() + " failed: " + e.getMessage(), e);
        } catch (DocumentException e) {
            throw new IOException("PDF of report " + report.kind() + " failed: " + e.getMessage(), e);
        }
    }

    private void writeBody(Document document, ReportDocument report) {
        Paragraph title = new Paragraph(report.title(), new Font(bold, 14));
        title.setSpacingAfter(6);
        document.add(title);
        Font label = new Font(bold, 9);
        Font value = new Font(regular, 9);
        for (Field f : report.header()) {
            Paragraph line = new Paragraph();
            line.add(new Chunk(f.label() + ": ", label));
            line.add(new Chunk(f.value(), value));
            document.add(line);
        }
        for (Section section : report.sections()) {
            writeSection(document, section.onPaper(), report.locale());
        }
        Font text = new Font(regular, BODY_SIZE);
        for (int i = 0; i < report.notes().size(); i++) {
            Paragraph note = new Paragraph(report.notes().get(i), text);
            note.setSpacingBefore(i == 0 ? 10 : 2);
            document.add(note);
        }
        Font signature = new Font(regular, 10);
        for (String s : report.signatures()) {
            Paragraph line = new Paragraph(s + "  ____________________ / ____________________", signature);
            line.setSpacingBefore(22);
            document.add(line);
        }
    }

    private void writeSection(Document document, Section section, Locale locale) {
        Paragraph heading = new Paragraph(section.title(), new Font(bold, 11));
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(5);
        document.add(heading);

        List<Column> columns = section.columns();
        PdfPTable table = new PdfPTable(columns.size());
        table.setWidthPercentage(100);
        table.setWidths(widths(columns));
        boolean empty = section.rows().isEmpty() && section.totals().isEmpty();
        // OpenPDF draws nothing for a table of heading rows only; an empty table keeps its heading as a plain row.
        table.setHeaderRows(empty ? 0 : 1);
        table.setComplete(false);

        float size = columns.size() > WIDE_TABLE ? WIDE_BODY_SIZE : BODY_SIZE;
        Font headingFont = new Font(bold, size);
        for (Column c : columns) {
            PdfPCell cell = cell(c.label(), headingFont, c);
            cell.setBackgroundColor(HEADING_FILL);
            table.addCell(cell);
        }
        char separator = ShownText.separator(locale);
        Fonts rowFonts = new Fonts(new Font(regular, size), new Font(regular, size, Font.NORMAL, GREY), 0);
        Fonts totalFonts = new Fonts(new Font(bold, size), new Font(bold, size, Font.NORMAL, GREY), 1.2f);
        int pending = 0;
        for (Row row : section.rows()) {
            addRow(table, row, columns, locale, separator, rowFonts);
            if (++pending == CHUNK_ROWS) {
                document.add(table); // lays the rows out and drops them from the table; the heading stays
                pending = 0;
            }
        }
        for (Row row : section.totals()) {
            addRow(table, row, columns, locale, separator, totalFonts);
        }
        table.setComplete(true);
        document.add(table);
    }

    /**
     * Relative widths: a column's usual width, but never narrower than the longest word of its heading, which
     * would otherwise break letter by letter («Подъезд» over seven lines).
     */
    static int[] widths(List<Column> columns) {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            int longest = 0;
            for (String word : columns.get(i).label().split("[\\s/]+")) {
                longest = Math.max(longest, word.length());
            }
            out[i] = Math.max(columns.get(i).width(), longest + 2);
        }
        return out;
    }

    /**
     * How one kind of row looks: its values' font, the grey of a missing value («нет данных»), and the rule above
     * it when heavier than the cells' own (above the totals), 0 for none: a cell with borders of unequal widths is
     * drawn side by side, which makes every page's content larger.
     */
    private record Fonts(Font value, Font missing, float ruleAbove) {
    }

    private static void addRow(PdfPTable table, Row row, List<Column> columns, Locale locale, char separator,
                               Fonts fonts) {
        for (int i = 0; i < columns.size(); i++) {
            Cell value = row.cells().get(i);
            Column column = columns.get(i);
            Font font = value instanceof Cell.Missing ? fonts.missing() : fonts.value();
            PdfPCell cell = cell(ShownText.of(value, column, locale, separator), font, column);
            if (fonts.ruleAbove() > 0) {
                cell.setBorderWidthTop(fonts.ruleAbove());
            }
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, Font font, Column column) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(column.type() == ColumnType.NUMBER ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setBorderWidth(0.4f);
        cell.setBorderColor(Color.GRAY);
        return cell;
    }

    /**
     * The title above and the page number and date under every page. The number of pages is known only when the
     * document closes, so every footer shows the same template, written once at the end.
     */
    private final class PageDecorations extends PdfPageEventHelper {

        private static final float SIZE = 7.5f;

        private final ReportDocument report;
        private final boolean ru;
        private PdfTemplate total;
        private int pages;

        PageDecorations(ReportDocument report, boolean ru) {
            this.report = report;
            this.ru = ru;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages++;
            PdfContentByte cb = writer.getDirectContent();
            float left = document.left();
            float right = document.right();
            float top = document.getPageSize().getTop() - 26;
            float bottom = 22;
            Font small = new Font(regular, SIZE, Font.NORMAL, GREY);

            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(report.title(), small), left, top, 0);
            cb.saveState();
            cb.setLineWidth(0.4f);
            cb.setColorStroke(Color.GRAY);
            cb.moveTo(left, top - 4);
            cb.lineTo(right, top - 4);
            cb.moveTo(left, bottom + 10);
            cb.lineTo(right, bottom + 10);
            cb.stroke();
            cb.restoreState();

            String page = (ru ? "Страница " : "Page ") + pages + (ru ? " из " : " of ");
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(page, small), left, bottom, 0);
            cb.addTemplate(total, left + regular.getWidthPoint(page, SIZE), bottom);
            String generated = (ru ? "Сформировано " : "Generated ") + GENERATED.format(report.generatedAt());
            ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, new Phrase(generated, small), right, bottom, 0);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(regular, SIZE);
            total.setColorFill(GREY);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(pages));
            total.endText();
        }
    }

    private static BaseFont loadFont(String file) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + FONT_DIR + file + " is not on the classpath");
            }
            // IDENTITY_H: any Unicode letter, not a one-byte code page; embedded, as subsets of the glyphs used.
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + file, e);
        }
    }
}
