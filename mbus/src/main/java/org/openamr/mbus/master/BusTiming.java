package org.openamr.mbus.master;

import java.time.Duration;

/**
 * Timing of a wired M-Bus segment (EN 13757-2, shared/docs/mbus.md): a character is 11 bits; a
 * slave starts answering between 11 bit times and 330 bit times + 50 ms after the request's last
 * stop bit. Waiting longer only slows the bus, so the master waits exactly that long plus what the
 * channel itself adds (a gateway's measured latency).
 */
public record BusTiming(int baud) {

    public static final int BITS_PER_CHARACTER = 11;
    private static final int MAX_TURNAROUND_BITS = 330;
    private static final Duration MAX_TURNAROUND_EXTRA = Duration.ofMillis(50);
    /** Gap between characters of one frame that still counts as the same frame. */
    private static final int MAX_CHARACTER_GAP_BITS = 33;

    public BusTiming {
        if (baud < 300 || baud > 115200) {
            throw new IllegalArgumentException("M-Bus speeds are 300..38400 baud, got " + baud);
        }
    }

    public Duration bits(long bits) {
        return Duration.ofNanos(bits * 1_000_000_000L / baud);
    }

    /** Time for {@code bytes} characters on the wire. */
    public Duration frameTime(int bytes) {
        return bits((long) bytes * BITS_PER_CHARACTER);
    }

    /** Shortest time between the end of a request and the start of its answer. */
    public Duration minimumTurnaround() {
        return bits(BITS_PER_CHARACTER);
    }

    /** Longest time a conforming slave may wait before it starts answering. */
    public Duration maximumTurnaround() {
        return bits(MAX_TURNAROUND_BITS).plus(MAX_TURNAROUND_EXTRA);
    }

    /**
     * How long to wait for the first byte of an answer after handing {@code requestBytes} to a
     * channel: the request's own transmission when the channel buffers it, the slave's maximum
     * turnaround, and the channel's latency.
     */
    public Duration responseTimeout(int requestBytes, boolean writeBlocksUntilSent, Duration channelLatency) {
        Duration t = maximumTurnaround().plus(channelLatency);
        return writeBlocksUntilSent ? t : t.plus(frameTime(requestBytes));
    }

    /** How long a gap between two bytes may be before the frame counts as broken off. */
    public Duration characterGapTimeout(Duration channelLatency) {
        return bits(MAX_CHARACTER_GAP_BITS).plus(Duration.ofMillis(20)).plus(channelLatency);
    }
}
