package org.openamr.server.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The reports the server makes, by their name in the API ({@code /api/v1/reports/{kind}}) and in file names. */
public enum ReportKind {
    /** ведомость потребления по квартирам */
    STATEMENT("statement"),
    /** реестр приборов учёта */
    METERS("meters"),
    /** журнал показаний: what arrived, when and from where */
    READINGS("readings"),
    /** выгрузка для биллинга (1С): the statement's lines in a billing program's columns */
    BILLING("billing"),
    /** показания ИПУ для загрузки в ГИС ЖКХ */
    GIS("gis"),
    /** месячная ведомость учёта тепловой энергии и теплоносителя of a building heat meter */
    HEAT_SHEET("heat-sheet");

    private final String apiName;

    ReportKind(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ReportKind> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.apiName.equals(t)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(ReportKind::apiName).collect(Collectors.joining(", "));
    }
}
