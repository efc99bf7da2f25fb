package org.openamr.wmbus.receiver.rtlwmbus;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import org.openamr.wmbus.receiver.LineFormatException;
import org.openamr.wmbus.receiver.LinkMode;
import org.openamr.wmbus.receiver.TelegramHex;
import org.openamr.wmbus.receiver.TextDeframer;

/**
 * The text rtl_wmbus writes for each frame it receives, as its README ("The output data is
 * semicolon separated…") and its packet decoders (t1_c1_packet_decoder.h, s1_packet_decoder.h:
 * {@code "%s;%u;%u;%s;%u;%u;%08X;0x…"}) define it. Accepted, exactly:
 *
 * <pre>
 * line       = [tag ";"] mode ";" crc ";" 3of6 ";" timestamp ";" rssi ";" rssi ";" id ";" hex
 * tag        = letters and digits: the decoding algorithm, printed only with rtl_wmbus -a (e.g. "t2a")
 * mode       = "T1" | "C1" | "S1"
 * crc, 3of6  = "0" | "1"
 * timestamp  = yyyy-MM-dd HH:mm:ss.SSS in UTC (rtl_wmbus formats gmtime with ".000")
 * rssi       = a non-negative integer (unit-less signal level, not dBm)
 * id         = 8 hex digits: the identification number, bytes 4–7 of the frame read little-endian
 * hex        = "0x" and the frame from the L-field on without block CRCs, two hex digits a byte (either case)
 * </pre>
 *
 * Trailing CR and spaces around fields are ignored; empty lines are ignored (rtl_wmbus prints none).
 */
public final class RtlWmbusFormat {

    /** 255 data bytes as hex, plus the fields before them, with room to spare. */
    public static final int MAX_LINE = 1024;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private RtlWmbusFormat() {
    }

    /** A deframer for rtl_wmbus's output stream. */
    public static TextDeframer<RtlWmbusLine> deframer() {
        return new TextDeframer<>(RtlWmbusFormat::parseLine, MAX_LINE);
    }

    /** The line's telegram; empty for a blank line. */
    public static Optional<RtlWmbusLine> parseLine(String line) throws LineFormatException {
        if (line.isBlank()) {
            return Optional.empty();
        }
        String[] f = line.strip().split(";", -1);
        int at = f.length == 9 && f[0].strip().chars().allMatch(Character::isLetterOrDigit) ? 1 : 0;
        if (f.length - at != 8) {
            throw new LineFormatException("expected 8 fields separated by ';' (MODE;CRC_OK;3OUTOF6OK;TIMESTAMP;"
                    + "PACKET_RSSI;CURRENT_RSSI;ID;0xHEX), found " + f.length);
        }
        LinkMode mode = mode(f[at].strip());
        boolean crc = flag(f[at + 1].strip(), "CRC_OK");
        boolean threeOfSix = flag(f[at + 2].strip(), "3OUTOF6OK");
        Instant at4 = timestamp(f[at + 3].strip());
        int packetRssi = rssi(f[at + 4].strip(), "PACKET_RSSI");
        int currentRssi = rssi(f[at + 5].strip(), "CURRENT_RSSI");
        String id = f[at + 6].strip();
        if (id.length() != 8 || !id.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new LineFormatException("the identification number '" + id + "' is not 8 hex digits");
        }
        String hex = f[at + 7].strip();
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        } else {
            throw new LineFormatException("the telegram does not start with 0x");
        }
        byte[] telegram = TelegramHex.parse(hex, "the telegram");
        return Optional.of(new RtlWmbusLine(mode, crc, threeOfSix, at4, packetRssi, currentRssi,
                id.toUpperCase(java.util.Locale.ROOT), telegram));
    }

    /** The line rtl_wmbus prints for this telegram (without the line end), as its decoders format it. */
    public static String format(RtlWmbusLine l) {
        return "%s;%d;%d;%s;%d;%d;%s;0x%s".formatted(l.mode().name(), l.crcOk() ? 1 : 0, l.threeOfSixOk() ? 1 : 0,
                TIMESTAMP.format(LocalDateTime.ofInstant(l.receivedAt(), ZoneOffset.UTC)), l.packetRssi(),
                l.currentRssi(), l.linkId(), HexFormat.of().formatHex(l.telegram()));
    }

    private static LinkMode mode(String s) throws LineFormatException {
        return switch (s) {
            case "T1" -> LinkMode.T1;
            case "C1" -> LinkMode.C1;
            case "S1" -> LinkMode.S1;
            default -> throw new LineFormatException("mode '" + s + "' is not T1, C1 or S1");
        };
    }

    private static boolean flag(String s, String name) throws LineFormatException {
        return switch (s) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new LineFormatException(name + " '" + s + "' is not 0 or 1");
        };
    }

    private static Instant timestamp(String s) throws LineFormatException {
        try {
            return LocalDateTime.parse(s, TIMESTAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new LineFormatException("timestamp '" + s + "' is not yyyy-MM-dd HH:mm:ss.SSS");
        }
    }

    private static int rssi(String s, String name) throws LineFormatException {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            throw new LineFormatException(name + " '" + s + "' is not a non-negative integer");
        }
        return Integer.parseInt(s);
    }
}
