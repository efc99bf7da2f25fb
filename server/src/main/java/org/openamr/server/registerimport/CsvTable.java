package org.openamr.server.registerimport;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold separators, line breaks and doubled
 * quotes. The separator is the header's: a semicolon (what Excel writes where the decimal mark is a comma, as in
 * Russia) or a comma, whichever the header line holds more of outside quotes.
 */
final class CsvTable {

    private CsvTable() {
    }

    static RegisterTable read(String text, int maxRows) throws RegisterFileException {
        char separator = separator(text);
        List<RegisterTable.Line> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordStart = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                add(records, recordStart, cells, maxRows);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                recordStart = line;
            } else if (wasQuoted && !Character.isWhitespace(ch)) {
                throw new RegisterFileException("imp.file.quote", quoteLine);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new RegisterFileException("imp.file.quote", quoteLine);
        }
        if (!cells.isEmpty() || cell.length() > 0) {
            cells.add(cell.toString());
            add(records, recordStart, cells, maxRows);
        }
        if (records.isEmpty()) {
            throw new RegisterFileException("imp.file.empty");
        }
        return new RegisterTable(records.get(0).cells(), List.copyOf(records.subList(1, records.size())));
    }

    private static void add(List<RegisterTable.Line> records, int number, List<String> cells, int maxRows)
            throws RegisterFileException {
        if (cells.stream().allMatch(String::isBlank)) {
            return;
        }
        // the header is the first record, not a row of data
        if (records.size() > maxRows) {
            throw new RegisterFileException("imp.file.tooManyRows", maxRows);
        }
        records.add(new RegisterTable.Line(number, List.copyOf(cells)));
    }

    /** The header line's separator: semicolon or comma, whichever it holds more of outside quotes. */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            } else if (!quoted && ch == ';') {
                semicolons++;
            } else if (!quoted && ch == ',') {
                commas++;
            }
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
