package org.openamr.collector.output.csv;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.collector.delivery.Batch;
import org.openamr.mbus.app.Medium;

/**
 * A batch as the CSV file that the FTP, SFTP and e-mail outputs deliver: UTF-8 without a byte order mark,
 * {@code ;}-separated, lines ending in CR LF (RFC 4180), one header row, then one row per register value in the
 * batch's order. A pure function of the batch and the time zone, so that a batch delivered again gives the same
 * bytes under the same name.
 *
 * <p>Columns: {@code collector;meter;manufacturer;medium;time;quantity;value;unit;storage;tariff;subunit;function;qualifier}.
 * The last two tell a maximum or an error-state value from the plain register of the same quantity (without them
 * two rows could look alike); readers that expect eleven columns ignore them.
 */
public final class ReadingsCsv {

    public static final List<String> HEADER = List.of("collector", "meter", "manufacturer", "medium", "time",
            "quantity", "value", "unit", "storage", "tariff", "subunit", "function", "qualifier");

    /** Names that may stand in a file name on any server (no path separators, no spaces, no shell magic). */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** ISO-8601 with the offset always as {@code +hh:mm} (never {@code Z}), fractions of a second only when there are some. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private ReadingsCsv() {
    }

    /** The batch as CSV bytes, times in {@code zone}. */
    public static byte[] write(Batch batch, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        StringBuilder out = new StringBuilder(128 + 96 * batch.readouts().size());
        row(out, HEADER);
        for (MeterReadout readout : batch.readouts()) {
            MeterIdentity meter = readout.meter();
            String medium = meter.medium().map(code -> Medium.of(code).jsonName()).orElse("");
            for (RegisterValue v : readout.values()) {
                RegisterKey key = v.key();
                row(out, List.of(batch.collector(), meter.serial(), meter.manufacturer().orElse(""), medium,
                        TIME.format(v.measuredAt().atZone(zone)), key.quantity().jsonName(), plain(v.value()),
                        key.unit().symbol(), Long.toString(key.storage()), Integer.toString(key.tariff()),
                        Integer.toString(key.subunit()), key.function().jsonName(), key.qualifier()));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The file's name: {@code <collector>_<output>_<yyyyMMddHHmmss>_<sequence>.csv}, the time being the newest
     * readout's {@code readAt} in {@code zone}, the sequence the batch's. Both come from the batch alone, so a batch
     * delivered again (same sequence, same readouts) overwrites its own file and never makes a second one; the
     * sequence keeps two batches whose newest readouts share a second apart.
     */
    public static String fileName(Batch batch, String outputName, ZoneId zone) {
        requireSafeName("collector id", batch.collector());
        requireSafeName("output name", outputName);
        Instant newest = batch.readouts().stream().map(MeterReadout::readAt).max(Comparator.naturalOrder())
                .orElseThrow();
        return batch.collector() + "_" + outputName + "_" + NAME_TIME.format(newest.atZone(zone)) + "_"
                + batch.sequence() + ".csv";
    }

    /** Refuses a collector id or output name that cannot be part of a file name everywhere. */
    public static String requireSafeName(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' cannot be part of a file name: use 1 to 64 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    /** The first and last reading time of the batch, e.g. for a mail's subject. */
    public static String period(Batch batch, ZoneId zone) {
        DateTimeFormatter shown = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
        Instant first = batch.readouts().stream().map(MeterReadout::readAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = batch.readouts().stream().map(MeterReadout::readAt).max(Comparator.naturalOrder()).orElseThrow();
        return shown.format(first.atZone(zone)) + " – " + shown.format(last.atZone(zone));
    }

    /** Exact, never in exponent notation, the point as decimal separator (BigDecimal does not localise). */
    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** Quotes a field only when it holds a separator, a quote or a line break (RFC 4180, with ';'). */
    private static String field(String s) {
        if (s.indexOf(';') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
