package org.openamr.simulator.modbus;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a virtual RTU line. Paced: every character takes its bits at the baud rate, a request
 * ends 3.5 characters after its last byte (the silent interval of the Modbus serial line
 * specification: fixed at 1.75 ms above 19200 Bd), and a slave starts its reply that silent
 * interval plus a small processing time after the request. Unpaced: replies go out at once, for
 * fast tests; a slow unit's reply is still held back, being late is its point.
 *
 * @param paced           false to answer without waiting
 * @param turnaroundExtra a slave's processing time on top of the silent interval before it answers
 * @param silenceSlack    added to the silent interval before a partial frame is ended by silence:
 *                        a pseudo-terminal or TCP delivers a master's bytes in bursts, not at line
 *                        speed, and a frame split between two bursts must not be cut
 */
public record RtuTiming(boolean paced, int baud, CharacterFormat format, Duration turnaroundExtra,
                        Duration silenceSlack) {

    public static final int DEFAULT_BAUD = 9600;
    public static final Duration DEFAULT_TURNAROUND_EXTRA = Duration.ofMillis(1);
    public static final Duration DEFAULT_SILENCE_SLACK = Duration.ofMillis(20);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Above this rate the silent interval is fixed rather than 3.5 characters. */
    private static final int FIXED_SILENCE_ABOVE = 19_200;
    private static final long FIXED_SILENCE_NANOS = 1_750_000L;

    public RtuTiming {
        Objects.requireNonNull(format, "format");
        if (baud < 50 || baud > 921_600) {
            throw new IllegalArgumentException("a baud rate is 50..921600, got " + baud);
        }
        if (turnaroundExtra.isNegative() || silenceSlack.isNegative()) {
            throw new IllegalArgumentException("turnaround and silence slack are never negative");
        }
    }

    /** Real timing at {@code baud} in {@code format}: 1 ms processing on top of the silent interval. */
    public static RtuTiming paced(int baud, CharacterFormat format) {
        return new RtuTiming(true, baud, format, DEFAULT_TURNAROUND_EXTRA, DEFAULT_SILENCE_SLACK);
    }

    /** Replies at once; frames of unknown length still end after a silence computed at {@code baud}. */
    public static RtuTiming unpaced(int baud, CharacterFormat format) {
        return new RtuTiming(false, baud, format, DEFAULT_TURNAROUND_EXTRA, DEFAULT_SILENCE_SLACK);
    }

    /** The time one character takes on the wire. */
    public long characterNanos() {
        return format.bitsPerCharacter() * NANOS_PER_SECOND / baud;
    }

    /** The silent interval that ends a frame: 3.5 characters, or 1.75 ms above 19200 Bd. */
    public long silenceNanos() {
        return baud > FIXED_SILENCE_ABOVE ? FIXED_SILENCE_NANOS : 7 * characterNanos() / 2;
    }

    /** From the request's last stop bit to the reply's first start bit, when paced. */
    public long turnaroundNanos() {
        return silenceNanos() + turnaroundExtra.toNanos();
    }

    /** For people: {@code 9600 Bd 8E1}. */
    public String describe() {
        return baud + " Bd " + format;
    }
}
