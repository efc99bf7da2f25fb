package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openamr.server.report.table.Cell;
import org.openamr.server.report.table.Column;
import org.openamr.server.report.table.ReportDocument;
import org.openamr.server.report.table.Row;
import org.openamr.server.report.table.Section;
import org.springframework.stereotype.Component;

/**
 * The main table as {@code ;}-separated values for billing programs: one header row of the column labels, then one
 * line per row; no title, totals or notes, which an importer would take for data. Numbers are exact (no rounding)
 * with the chosen decimal separator, dates and times ISO 8601. UTF-8 starts with a byte order mark, without which
 * Excel and 1С read UTF-8 as windows-1251; in windows-1251 a value it cannot hold is refused, not replaced.
 */
@Component
public class CsvRenderer implements ReportRenderer {

    static final char SEPARATOR = ';';

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void write(ReportDocument report, RenderOptions options, OutputStream out) throws IOException {
        Section table = report.main();
        CharsetEncoder encoder = options.charset().newEncoder();
        if (options.charset().equals(StandardCharsets.UTF_8)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new OutputStreamWriter(out, options.charset());
        List<String> header = new ArrayList<>();
        for (Column c : table.columns()) {
            header.add(options.fold(c.label()));
        }
        line(w, header, encoder);
        for (Row row : table.rows()) {
            List<String> fields = new ArrayList<>(row.cells().size());
            for (Cell cell : row.cells()) {
                String v = options.fold(cell.plain());
                fields.add(cell instanceof Cell.Number && options.decimalSeparator() != '.'
                        ? v.replace('.', options.decimalSeparator()) : v);
            }
            line(w, fields, encoder);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> fields, CharsetEncoder encoder) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(SEPARATOR);
            }
            String f = fields.get(i);
            if (!encoder.canEncode(f)) {
                throw new UnencodableTextException(f, encoder.charset().name());
            }
            w.write(quoted(f));
        }
        w.write("\r\n");
    }

    /** RFC 4180 quoting, only where a field needs it, so that plain numbers stay plain for importers. */
    static String quoted(String f) {
        if (f.indexOf(SEPARATOR) < 0 && f.indexOf('"') < 0 && f.indexOf('\n') < 0 && f.indexOf('\r') < 0) {
            return f;
        }
        return '"' + f.replace("\"", "\"\"") + '"';
    }
}
