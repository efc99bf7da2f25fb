package org.openamr.collector.input;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an input has done since start: telegrams and readouts stored, the meters heard or read, when the
 * last one came, failures by kind (a web page and the log show them). Written by the input's thread,
 * read by the page's: every access is synchronized.
 */
public final class InputCounts {

    /** More distinct meters than any site has: a receiver hearing a whole city keeps memory bounded. */
    static final int MAX_METERS = 100_000;

    private long readouts;
    private long telegrams;
    private final Map<String, Long> errors = new TreeMap<>();
    private final Set<String> meters = new HashSet<>();
    private Instant lastRead;
    private Integer lastRssi;

    synchronized void telegram() {
        telegrams++;
    }

    synchronized void readouts(int n) {
        readouts += n;
    }

    synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    /** A meter heard (radio) or read (wired); {@code meter} null when the telegram did not say which. */
    synchronized void heard(String meter, Instant at, OptionalInt rssiDbm) {
        if (meter != null && meters.size() < MAX_METERS) {
            meters.add(meter);
        }
        if (at != null && (lastRead == null || at.isAfter(lastRead))) {
            lastRead = at;
        }
        if (rssiDbm.isPresent()) {
            lastRssi = rssiDbm.getAsInt();
        }
    }

    public synchronized long readouts() {
        return readouts;
    }

    public synchronized long telegrams() {
        return telegrams;
    }

    public synchronized Map<String, Long> errors() {
        return new TreeMap<>(errors);
    }

    /** Distinct meters heard or read since start. */
    public synchronized int meters() {
        return meters.size();
    }

    /** The newest telegram heard or readout read. */
    public synchronized Optional<Instant> lastRead() {
        return Optional.ofNullable(lastRead);
    }

    /** The signal strength of the last telegram that came with one (radio only). */
    public synchronized OptionalInt lastRssiDbm() {
        return lastRssi == null ? OptionalInt.empty() : OptionalInt.of(lastRssi);
    }
}
