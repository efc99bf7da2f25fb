package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ColumnType;
import org.openamr.server.report.table.Field;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.springframework.stereotype.Component;

/**
 * The report as fixed-width text for plain printers and legacy imports: the title, header lines, each table with
 * columns as wide as their widest value (numbers right-aligned with the column's decimals), totals after a rule,
 * notes and signature lines. The chosen charset applies (windows-1251 refuses what it cannot hold); no byte order
 * mark, which line printers would print.
 */
@Component
public class TxtRenderer implements ReportRenderer {

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Override
    public ReportFormat format() {
        return ReportFormat.TXT;
    }

    @Override
    public void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException {
        Folding encoder = new Folding(options);
        Writer w = new OutputStreamWriter(out, options.charset());
        char separator = options.decimalSeparator();
        line(w, encoder, report.title());
        for (Field f : report.header()) {
            line(w, encoder, f.label() + ": " + f.value());
        }
        for (Section s : report.sections()) {
            line(w, encoder, "");
            line(w, encoder, s.title());
            table(w, encoder, report, s, separator);
        }
        if (!report.notes().isEmpty()) {
            line(w, encoder, "");
            for (String n : report.notes()) {
                line(w, encoder, n);
            }
        }
        for (String who : report.signatures()) {
            line(w, encoder, "");
            line(w, encoder, who + " ____________________ / ____________________");
        }
        line(w, encoder, "");
        line(w, encoder, GENERATED.format(report.generatedAt()));
        w.flush();
    }

    private static void table(Writer w, Folding encoder, ReportDocument report, Section s, char separator)
            throws IOException {
        List<Column> cols = s.columns();
        int[] width = new int[cols.size()];
        String[][] rows = new String[s.rows().size() + s.totals().size()][];
        int r = 0;
        for (List<Row> part : List.of(s.rows(), s.totals())) {
            for (Row row : part) {
                String[] texts = new String[cols.size()];
                for (int i = 0; i < cols.size(); i++) {
                    texts[i] = ShownText.of(row.cells().get(i), cols.get(i), report.locale(), separator);
                }
                rows[r++] = texts;
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            width[i] = cols.get(i).label().length();
            for (String[] texts : rows) {
                width[i] = Math.max(width[i], texts[i].length());
            }
        }
        String[] labels = cols.stream().map(Column::label).toArray(String[]::new);
        line(w, encoder, fixed(labels, width, cols, true));
        String rule = rule(width);
        line(w, encoder, rule);
        for (int i = 0; i < rows.length; i++) {
            if (i == s.rows().size() && !s.totals().isEmpty()) {
                line(w, encoder, rule);
            }
            line(w, encoder, fixed(rows[i], width, cols, false));
        }
    }

    private static String fixed(String[] texts, int[] width, List<Column> cols, boolean header) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            if (i > 0) {
                b.append(" | ");
            }
            boolean right = !header && cols.get(i).type() == ColumnType.NUMBER;
            String pad = " ".repeat(width[i] - texts[i].length());
            b.append(right ? pad + texts[i] : texts[i] + pad);
        }
        return b.toString().stripTrailing();
    }

    private static String rule(int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            b.append(i > 0 ? "-+-" : "").append("-".repeat(width[i]));
        }
        return b.toString();
    }

    private static void line(Writer w, Folding encoder, String text) throws IOException {
        String folded = encoder.options.fold(text);
        if (!encoder.encoder.canEncode(folded)) {
            throw new UnencodableTextException(text, encoder.options.charset().name());
        }
        w.write(folded);
        w.write("\r\n");
    }

    /** The charset's encoder with the options that fold text into it. */
    private record Folding(RenderOptions options, CharsetEncoder encoder) {
        Folding(RenderOptions options) {
            this(options, options.charset().newEncoder());
        }
    }
}
