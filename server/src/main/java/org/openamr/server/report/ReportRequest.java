package org.openamr.server.report;

import org.openamr.server.unit.HeatUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What a report is asked for: its kind, the building, entrance or premise it covers (null: everything the caller
 * may see), its period, the unit of heat and the reader's language.
 */
public record ReportRequest(ReportKind kind, UUID scope, ReportPeriod period, HeatUnit heatUnit, Locale locale) {

    public ReportRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(heatUnit, "heatUnit");
        Objects.requireNonNull(locale, "locale");
    }

    /** The language a report is written in for a reader of {@code current}: Russian for Russian, else English. */
    public static Locale languageFor(Locale current) {
        return "ru".equals(current.getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ENGLISH;
    }
}
