package org.openamr.server.report.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats a report is rendered to, with their file extension and media type. */
public enum ReportFormat {
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf"),
    XML("xml", "application/xml"),
    TXT("txt", "text/plain");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The media type without parameters; text formats add their charset where they are sent. */
    public String mediaType() {
        return mediaType;
    }

    public static Optional<ReportFormat> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(t)).findFirst();
    }

    /** Every format's name as the API spells it, for the messages that ask for one. */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::extension).collect(Collectors.joining(", "));
    }
}
