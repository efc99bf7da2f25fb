package org.openamr.simulator.modbus;

import java.time.Duration;
import java.util.Locale;
import org.openamr.modbus.ExceptionCode;
import org.openamr.simulator.radio.DurationText;

/**
 * How a unit misbehaves, on every request it gets: deterministic, so that a test knows what a
 * master must see. {@link #parse} reads the {@code KIND[:ARG]} of {@code --fault UNIT:KIND[:ARG]}.
 */
public sealed interface UnitFault {

    /** The text {@link #parse} reads back, e.g. {@code slow:300ms}. */
    String text();

    /** For people: {@code answers 300ms late}. */
    String describe();

    /** The unit hears the request and never answers: a master sees what it sees of an absent unit. */
    record NoAnswer() implements UnitFault {

        @Override
        public String text() {
            return "no-answer";
        }

        @Override
        public String describe() {
            return "never answers";
        }
    }

    /**
     * The reply is damaged. RTU (a pseudo-terminal, RTU over TCP): the CRC's low byte is inverted, so
     * the frame fails the master's check. Modbus TCP has no checksum, and a reply cut short would
     * leave the master's stream out of step, so the MBAP frame stays sound and its PDU is malformed:
     * a register or bit reply's byte count is one more than the data that follows, an exception
     * reply lacks its exception code. A master must notice either.
     */
    record CorruptReply() implements UnitFault {

        @Override
        public String text() {
            return "crc";
        }

        @Override
        public String describe() {
            return "sends damaged replies (RTU: bad CRC; TCP: malformed PDU)";
        }
    }

    /** The unit answers every request with this exception code, 1..255 (unassigned ones included). */
    record ExceptionReply(int code) implements UnitFault {

        public ExceptionReply {
            if (code < 1 || code > 0xFF) {
                throw new IllegalArgumentException("an exception code is 01..FF, got " + code);
            }
        }

        @Override
        public String text() {
            return "exception:" + hex(code);
        }

        @Override
        public String describe() {
            return "answers exception " + ExceptionCode.byCode(code).map(ExceptionCode::describe).orElse(hex(code));
        }
    }

    /** The unit answers correctly, but {@code delay} later than it would (on a line: after the turnaround). */
    record SlowReply(Duration delay) implements UnitFault {

        public SlowReply {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("a slow reply comes a positive time late, got " + delay);
            }
        }

        @Override
        public String text() {
            return "slow:" + DurationText.format(delay);
        }

        @Override
        public String describe() {
            return "answers " + DurationText.format(delay) + " late";
        }
    }

    /** The unit answers with another unit id in its reply, as a misconfigured or echoing device does. */
    record OtherUnit(int unit) implements UnitFault {

        public OtherUnit {
            if (unit < 0 || unit > 0xFF) {
                throw new IllegalArgumentException("a unit id is 0..255, got " + unit);
            }
        }

        @Override
        public String text() {
            return "as:" + unit;
        }

        @Override
        public String describe() {
            return "answers as unit " + unit;
        }
    }

    /**
     * {@code no-answer}, {@code crc}, {@code exception:CODE} (hex, e.g. {@code 04}), {@code slow:DURATION}
     * (e.g. {@code 300ms}, {@code 2s}) or {@code as:UNIT}.
     *
     * @throws IllegalArgumentException naming the text and the kinds there are
     */
    static UnitFault parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        String arg = colon < 0 ? null : t.substring(colon + 1);
        switch (kind) {
            case "no-answer":
                noArgument(kind, arg);
                return new NoAnswer();
            case "crc":
                noArgument(kind, arg);
                return new CorruptReply();
            case "exception":
                return new ExceptionReply(number(kind, arg, 16, "an exception code in hex, 01..FF, e.g. exception:04"));
            case "slow":
                try {
                    return new SlowReply(DurationText.parse(required(kind, arg, "a delay such as slow:300ms")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("fault 'slow': " + e.getMessage(), e);
                }
            case "as":
                return new OtherUnit(number(kind, arg, 10, "the unit id it answers as, 0..255, e.g. as:7"));
            default:
                throw new IllegalArgumentException("unknown fault '" + text.strip() + "'; the kinds are no-answer, crc,"
                        + " exception:CODE, slow:DURATION and as:UNIT");
        }
    }

    private static void noArgument(String kind, String arg) {
        if (arg != null) {
            throw new IllegalArgumentException("fault '" + kind + "' takes no argument, got '" + kind + ":" + arg + "'");
        }
    }

    private static String required(String kind, String arg, String what) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("fault '" + kind + "' needs " + what);
        }
        return arg;
    }

    private static int number(String kind, String arg, int radix, String what) {
        String digits = required(kind, arg, what);
        if (radix == 16 && digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        try {
            int n = Integer.parseInt(digits, radix);
            if (n >= 0 && n <= 0xFF) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException("fault '" + kind + "' needs " + what + "; got '" + arg + "'");
    }

    private static String hex(int code) {
        return String.format("%02X", code);
    }
}
