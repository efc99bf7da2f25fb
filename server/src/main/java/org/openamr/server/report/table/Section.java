package org.openamr.server.report.table;

import java.util.List;

/**
 * A table of a report: its columns, its rows and its totals rows («Итого»), which renderers set apart (bold,
 * after a rule). A report's first section is its main table, the one a CSV file holds.
 *
 * @param id    a stable name in Latin letters (the XML's {@code section} id, the XLSX sheet's fallback name)
 * @param title the heading in the report's language, also the XLSX sheet's name
 */
public record Section(String id, String title, List<Column> columns, List<Row> rows, List<Row> totals) {

    public Section {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
        for (List<Row> list : List.of(rows, totals)) {
            for (Row r : list) {
                if (r.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("section " + id + ": a row of " + r.cells().size()
                            + " cells for " + columns.size() + " columns");
                }
            }
        }
    }
}
