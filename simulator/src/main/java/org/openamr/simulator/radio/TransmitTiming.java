package org.openamr.simulator.radio;

import java.time.Duration;
import org.openamr.simulator.model.Hash;

/**
 * When one meter transmits: telegram n at {@code phase + jitter + n × interval + draw(n)}
 * milliseconds after the start, {@code draw(n)} in [-jitter, +jitter] from the meter's seed. The
 * jitter scatters each telegram around a regular grid instead of adding up, as a meter's clock
 * keeps its slot on average; with a jitter below half the interval the telegrams stay in order.
 *
 * @param phaseMillis where in the first interval the meter's grid starts, 0 ≤ phase &lt; interval
 * @param seed        the source of the meter's draws
 */
record TransmitTiming(Duration interval, Duration jitter, long phaseMillis, long seed) {

    /** Milliseconds from the start of the simulation to telegram {@code sequence}; never negative. */
    long offsetMillis(long sequence) {
        long j = jitter.toMillis();
        long draw = j == 0 ? 0 : Long.remainderUnsigned(Hash.of(seed, sequence), 2 * j + 1) - j;
        return Math.addExact(phaseMillis + j + draw, Math.multiplyExact(sequence, interval.toMillis()));
    }
}
