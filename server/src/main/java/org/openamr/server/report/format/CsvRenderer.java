package org.openamr.server.report.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
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
        // a line is put together as text and encoded at once: field by field through a Writer, encoding took
        // longer than computing the statement's figures
        OutputStream bytes = new BufferedOutputStream(out, 64 * 1024);
        StringBuilder line = new StringBuilder(256);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            field(line, i == 0, options.fold(columns.get(i).label()), encoder);
        }
        end(line, bytes, options);
        for (Row row : table.rows()) {
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                String v = options.fold(cell.plain());
                field(line, i == 0, cell instanceof Cell.Number && options.decimalSeparator() != '.'
                        ? v.replace('.', options.decimalSeparator()) : v, encoder);
            }
            end(line, bytes, options);
        }
        bytes.flush();
    }

    private static void field(StringBuilder line, boolean first, String f, CharsetEncoder encoder) {
        // both charsets written hold every ASCII character, so only a field beyond it needs the encoder's word
        if (!ascii(f) && !encoder.canEncode(f)) {
            throw new UnencodableTextException(f, encoder.charset().name());
        }
        if (!first) {
            line.append(SEPARATOR);
        }
        quoted(line, f);
    }

    private static void end(StringBuilder line, OutputStream bytes, RenderOptions options) throws IOException {
        bytes.write(line.append("\r\n").toString().getBytes(options.charset()));
        line.setLength(0);
    }

    private static boolean ascii(String f) {
        for (int i = 0; i < f.length(); i++) {
            if (f.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4180 quoting, only where a field needs it, so that plain numbers stay plain for importers. */
    static void quoted(StringBuilder line, String f) {
        if (f.indexOf(SEPARATOR) < 0 && f.indexOf('"') < 0 && f.indexOf('\n') < 0 && f.indexOf('\r') < 0) {
            line.append(f);
        } else {
            line.append('"').append(f.replace("\"", "\"\"")).append('"');
        }
    }
}
