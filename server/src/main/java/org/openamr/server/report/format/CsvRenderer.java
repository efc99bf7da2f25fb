package org.openamr.server.report.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (options.charset().equals(StandardCharsets.UTF_8)) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Lines lines = new Lines(out, options);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            lines.field(i == 0, options.fold(columns.get(i).label()), false);
        }
        lines.end();
        // a column's value written as text again only when it differs from the line above's: a statement's lines
        // share their period's times and many a verification date, whose texts were then half of the renderer's time
        Cell[] above = new Cell[columns.size()];
        String[] aboveText = new String[columns.size()];
        for (Row row : table.rows()) {
            List<Cell> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                if (!cell.equals(above[i])) { // a section's rows have as many cells as it has columns
                    above[i] = cell;
                    aboveText[i] = options.fold(cell.plain());
                }
                lines.field(i == 0, aboveText[i], cell instanceof Cell.Number);
            }
            lines.end();
        }
        lines.flush();
    }

    /**
     * The file's bytes, written field by field into one buffer: a field of ASCII characters (numbers, times, most
     * codes) is copied as its bytes, which both charsets share, and only a field beyond ASCII is encoded, once per
     * distinct text (a portfolio's statement repeats a few hundred addresses and words on its 30,000 lines). Put
     * together as a line of text, copied and encoded, the statement's CSV took about 100 ms more than its document.
     */
    private static final class Lines {
        private final OutputStream out;
        private final RenderOptions options;
        private final CharsetEncoder encoder;
        private final Map<String, byte[]> encoded = new HashMap<>();
        private final byte[] buffer = new byte[64 * 1024];
        private int length;

        Lines(OutputStream out, RenderOptions options) {
            this.out = out;
            this.options = options;
            this.encoder = options.charset().newEncoder();
        }

        /** @param number a number's field, whose decimal point is written as the chosen separator */
        void field(boolean first, String f, boolean number) throws IOException {
            if (!first) {
                put((byte) SEPARATOR);
            }
            int n = f.length();
            if (length + n > buffer.length) {
                flush();
            }
            // copied while scanned; on the first character that needs more, the field starts over the slow way
            int start = length;
            for (int i = 0; i < n; i++) {
                char c = f.charAt(i);
                if (n > buffer.length || c >= 0x80 || c == SEPARATOR || c == '"' || c == '\n' || c == '\r') {
                    length = start;
                    slow(number && options.decimalSeparator() != '.' ? f.replace('.', options.decimalSeparator()) : f);
                    return;
                }
                buffer[length++] = (byte) (number && c == '.' ? options.decimalSeparator() : c);
            }
        }

        private void slow(String f) throws IOException {
            byte[] bytes = encoded.get(f);
            if (bytes == null) {
                // both charsets written hold every ASCII character, so only a field beyond it needs the encoder's word
                if (!ascii(f) && !encoder.canEncode(f)) {
                    throw new UnencodableTextException(f, encoder.charset().name());
                }
                StringBuilder q = new StringBuilder(f.length() + 2);
                quoted(q, f);
                bytes = q.toString().getBytes(options.charset());
                encoded.put(f, bytes);
            }
            if (length + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                out.write(bytes);
            } else {
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
            }
        }

        void end() throws IOException {
            put((byte) '\r');
            put((byte) '\n');
        }

        private void put(byte b) throws IOException {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = b;
        }

        void flush() throws IOException {
            out.write(buffer, 0, length);
            length = 0;
        }
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
