package org.openamr.simulator.serve;

import java.time.Duration;
import org.openamr.mbus.app.CiField;

/**
 * Timing of the virtual line. Paced: every character takes 11 bit times (start, 8 data, parity,
 * stop) at the baud rate, and a slave starts answering a turnaround after the request's last stop
 * bit: 11 bit times plus a small processing delay, well inside the response window of EN 13757-2
 * (330 bit times + 50 ms). Unpaced: bytes go out at once, for fast tests; a reply that fault
 * injection made late is still held back beyond the window, because being late is its point.
 *
 * @param paced           false to send without any waiting (except late replies)
 * @param baud            the rate of the line: master bytes take this long to arrive; slaves
 *                        answer at their own rate (changed by a baud switch)
 * @param turnaroundExtra processing time a slave adds to the minimum of 11 bit times
 * @param idleReset       a pause within a frame after which the slaves drop what they received
 *                        so far (generous: gateways and pseudo-terminals deliver bytes in bursts)
 */
public record Pacing(boolean paced, int baud, Duration turnaroundExtra, Duration idleReset) {

    public static final Duration DEFAULT_TURNAROUND_EXTRA = Duration.ofMillis(2);
    public static final Duration DEFAULT_IDLE_RESET = Duration.ofMillis(200);
    private static final int BITS_PER_CHARACTER = 11;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public Pacing {
        CiField.baudRateCi(baud); // an M-Bus rate, or an exception naming them
        if (turnaroundExtra.isNegative() || idleReset.isNegative() || idleReset.isZero()) {
            throw new IllegalArgumentException("turnaround must be >= 0 and idle reset > 0");
        }
        if (turnaroundNanos(baud, turnaroundExtra) > windowNanos(baud)) {
            throw new IllegalArgumentException("turnaround " + turnaroundExtra + " + 11 bit times is beyond the "
                    + "response window of 330 bit times + 50 ms at " + baud + " Bd");
        }
    }

    /** Real timing at {@code baud}: 11 bit times + 2 ms turnaround. */
    public static Pacing atBaud(int baud) {
        return new Pacing(true, baud, DEFAULT_TURNAROUND_EXTRA, DEFAULT_IDLE_RESET);
    }

    /** No waiting: replies go out as soon as the request is complete. */
    public static Pacing unpaced() {
        return new Pacing(false, 2400, DEFAULT_TURNAROUND_EXTRA, DEFAULT_IDLE_RESET);
    }

    public Pacing withTurnaroundExtra(Duration extra) {
        return new Pacing(paced, baud, extra, idleReset);
    }

    public Pacing withIdleReset(Duration reset) {
        return new Pacing(paced, baud, turnaroundExtra, reset);
    }

    /** Time one character takes on the wire at {@code baud}. */
    public static long characterNanos(int baud) {
        return BITS_PER_CHARACTER * NANOS_PER_SECOND / baud;
    }

    /** From the request's last stop bit to the reply's first start bit. */
    public long turnaroundNanos(int replyBaud) {
        return turnaroundNanos(replyBaud, turnaroundExtra);
    }

    private static long turnaroundNanos(int baud, Duration extra) {
        return characterNanos(baud) + extra.toNanos();
    }

    /** The latest a reply may start after the request: 330 bit times + 50 ms (about 187 ms at 2400 Bd). */
    public static long windowNanos(int baud) {
        return 330 * NANOS_PER_SECOND / baud + 50_000_000L;
    }
}
