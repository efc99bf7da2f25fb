package org.openamr.mbus.master;

import java.time.Duration;

/**
 * How persistent a master is.
 *
 * @param attempts           tries per request before giving up (the first included)
 * @param emptyConfirmations extra selections before "no slave matches" is believed: a lost answer
 *                           must not hide a meter from a search
 * @param maxTelegrams       bound on a multi-telegram readout, against a slave that never ends
 * @param initialLatency     channel latency assumed until measured (a gateway's, say)
 */
public record MasterSettings(int attempts, int emptyConfirmations, int maxTelegrams, Duration initialLatency) {

    public static final MasterSettings DEFAULT = new MasterSettings(3, 1, 16, Duration.ZERO);

    public MasterSettings {
        if (attempts < 1 || emptyConfirmations < 0 || maxTelegrams < 1) {
            throw new IllegalArgumentException("attempts and maxTelegrams must be at least 1, confirmations 0 or more");
        }
    }

    public MasterSettings withAttempts(int n) {
        return new MasterSettings(n, emptyConfirmations, maxTelegrams, initialLatency);
    }

    public MasterSettings withEmptyConfirmations(int n) {
        return new MasterSettings(attempts, n, maxTelegrams, initialLatency);
    }

    public MasterSettings withInitialLatency(Duration latency) {
        return new MasterSettings(attempts, emptyConfirmations, maxTelegrams, latency);
    }
}
