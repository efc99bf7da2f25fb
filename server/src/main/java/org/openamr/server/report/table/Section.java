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

    /** The section as the PDF shows it: only the columns {@link Column#onPaper on paper}. */
    public Section onPaper() {
        if (columns.stream().allMatch(Column::onPaper)) {
            return this;
        }
        List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).onPaper()) {
                kept.add(i);
            }
        }
        java.util.function.Function<Row, Row> cut = r -> new Row(kept.stream().map(r.cells()::get).toList());
        return new Section(id, title, kept.stream().map(columns::get).toList(), rows.stream().map(cut).toList(),
                totals.stream().map(cut).toList());
    }
}
