package org.openamr.server.registerimport;

import java.util.List;

/**
 * A register file read into text: its header and its rows that hold anything, each with its number in the file
 * (the spreadsheet's row number, or the CSV line the record starts on) so that an error can point at it.
 * Dates an Excel sheet stores as dates arrive as ISO text ({@code 2024-09-01}).
 */
record RegisterTable(List<String> header, List<Line> lines) {

    record Line(int number, List<String> cells) {

        /** The cell of a column, trimmed; empty when the row is shorter. */
        String cell(int column) {
            return column < cells.size() && cells.get(column) != null ? cells.get(column).trim() : "";
        }
    }
}
