package org.openamr.server.report.statement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The columns of the ГИС ЖКХ readings upload, read from a data file ({@code report/gis-meter-readings.columns} in the
 * server, or the file {@code openamr.reports.gis-columns} names) so that a user can follow the template their ГИС
 * ЖКХ account offers without a new release. A mistake in the file names its line.
 */
record GisColumns(List<Entry> entries) {

    /** What a column holds. */
    enum Field { GIS_DEVICE_GUID, SERIAL, RESOURCE, VALUE, READING_DATE, ADDRESS, PREMISE, ACCOUNT, UNIT }

    record Entry(Field field, String header) {
    }

    static final String DEFAULT = "/report/gis-meter-readings.columns";

    static GisColumns load(String file) {
        try {
            if (file == null || file.isBlank()) {
                try (InputStream in = GisColumns.class.getResourceAsStream(DEFAULT)) {
                    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT);
                }
            }
            return parse(Files.readString(Path.of(file), StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new UncheckedIOException("the ГИС ЖКХ column file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the line and what is wrong with it */
    static GisColumns parse(String text, String source) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(";", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException(source + ", line " + (i + 1) + ": '" + line
                        + "' is not 'field; header'");
            }
            String name = parts[0].strip().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            int number = i + 1;
            Field field = Arrays.stream(Field.values()).filter(f -> f.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(source + ", line " + number + ": '"
                            + parts[0].strip() + "' is not a field; fields: gisDeviceGuid, serial, resource, value,"
                            + " readingDate, address, premise, account, unit"));
            out.add(new Entry(field, parts[1].strip()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + " lists no column");
        }
        return new GisColumns(List.copyOf(out));
    }
}
