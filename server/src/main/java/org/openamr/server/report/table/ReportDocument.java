package org.openamr.server.report.table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * A report as every renderer sees it, whatever its kind: already computed and worded in the reader's language,
 * so that a renderer only lays it out and computes nothing.
 *
 * @param kind        the report kind's name in the API ({@code statement}, {@code heat-sheet} …)
 * @param title       «Ведомость потребления по квартирам»
 * @param header      what the report is about: address, period, units
 * @param sections    its tables; the first is the main one
 * @param notes       lines after the tables: legends, how figures were obtained
 * @param signatures  the lines to sign on paper («Ответственное лицо»), empty for none
 * @param generatedAt when it was made, in the building's (or organisation's) local time
 */
public record ReportDocument(String kind, Locale locale, String title, List<Field> header, List<Section> sections,
                             List<String> notes, List<String> signatures, OffsetDateTime generatedAt) {

    public ReportDocument {
        header = List.copyOf(header);
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
        signatures = List.copyOf(signatures);
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("report " + kind + " has no table");
        }
    }

    public Section main() {
        return sections.get(0);
    }
}
