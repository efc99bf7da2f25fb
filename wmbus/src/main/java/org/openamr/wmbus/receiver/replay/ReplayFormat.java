package org.openamr.wmbus.receiver.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import org.openamr.wmbus.receiver.LineFormatException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.TelegramHex;
import org.openamr.wmbus.receiver.TextDeframer;

/**
 * The OpenAMR replay file: telegrams as they were heard, one a line, UTF-8 (ASCII in practice),
 * for replaying a recording or a simulation through {@code openamr listen replay:FILE}. The
 * simulator writes the same format. A line is, exactly:
 *
 * <pre>
 * line    = instant " " mode " " rssi " " hex
 * instant = an ISO-8601 instant in UTC, ending in Z: 2026-11-24T10:15:30.125Z (seconds and fraction optional
 *           as java.time.Instant prints them: 2026-11-24T10:15:30Z, 2026-11-24T10:15:00Z)
 * mode    = "S1" | "T1" | "C1" | "-"          (either case when read; "-" when unknown)
 * rssi    = an integer in dBm such as -67 | "-" (unknown)
 * hex     = the telegram from the L-field on, with or without block CRCs, two hex digits a byte (either case)
 * </pre>
 *
 * Fields are separated by one or more spaces or tabs; a line whose first non-blank character is
 * {@code #} is a comment; blank lines are ignored; a trailing CR is ignored. The writer uses single
 * spaces, upper-case hex and {@link Instant#toString()}.
 */
public final class ReplayFormat {

    /** 255 bytes with format A CRCs as hex, plus the other fields, with room to spare. */
    public static final int MAX_LINE = 1024;

    private ReplayFormat() {
    }

    public static TextDeframer<ReplayLine> deframer() {
        return new TextDeframer<>(ReplayFormat::parseLine, MAX_LINE);
    }

    /** The line's telegram; empty for a comment or blank line. */
    public static Optional<ReplayLine> parseLine(String line) throws LineFormatException {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return Optional.empty();
        }
        String[] f = t.split("[ \t]+");
        if (f.length != 4) {
            throw new LineFormatException("expected 4 fields '<instant> <mode> <rssi> <hex>', found " + f.length);
        }
        return Optional.of(new ReplayLine(instant(f[0]), mode(f[1]), rssi(f[2]), TelegramHex.parse(f[3],
                "the telegram")));
    }

    /** The line for a telegram, without its line end. */
    public static String format(ReplayLine l) {
        return l.receivedAt() + " " + l.mode().map(LinkMode::name).orElse("-") + " "
                + (l.rssiDbm().isPresent() ? Integer.toString(l.rssiDbm().getAsInt()) : "-") + " "
                + TelegramHex.upper(l.telegram());
    }

    private static Instant instant(String s) throws LineFormatException {
        if (!s.endsWith("Z")) {
            throw new LineFormatException("time '" + s + "' must be an ISO-8601 instant in UTC ending in Z, e.g. "
                    + "2026-11-24T10:15:30.125Z");
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new LineFormatException("time '" + s + "' is not an ISO-8601 instant such as 2026-11-24T10:15:30.125Z");
        }
    }

    private static Optional<LinkMode> mode(String s) throws LineFormatException {
        if (s.equals("-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LinkMode.parse(s));
        } catch (IllegalArgumentException e) {
            throw new LineFormatException("mode '" + s + "' is not S1, T1, C1 or -");
        }
    }

    private static OptionalInt rssi(String s) throws LineFormatException {
        if (s.equals("-")) {
            return OptionalInt.empty();
        }
        if (!s.matches("[+-]?\\d{1,4}")) {
            throw new LineFormatException("RSSI '" + s + "' is not an integer in dBm (e.g. -67) or -");
        }
        return OptionalInt.of(Integer.parseInt(s));
    }
}
