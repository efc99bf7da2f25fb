package org.openamr.server.report.table;

/** What a column holds. */
public enum ColumnType {
    TEXT,
    /** exact decimals, right-aligned, shown with the column's decimals */
    NUMBER,
    /** a local date of the building's calendar */
    DATE,
    /** a moment, shown in the building's local time to the minute */
    DATE_TIME
}
