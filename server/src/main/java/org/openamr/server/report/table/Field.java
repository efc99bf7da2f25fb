package org.openamr.server.report.table;

/** A line of a report's header: «Адрес: ул. Ленина, 1», «Период: 01.11.2026 – 30.11.2026». */
public record Field(String label, String value) {
}
