package org.openamr.server.report.table;

import java.util.List;

/** One line of a table: a cell per column, in the columns' order. */
public record Row(List<Cell> cells) {

    public Row {
        cells = List.copyOf(cells);
    }

    public static Row of(Cell... cells) {
        return new Row(List.of(cells));
    }
}
