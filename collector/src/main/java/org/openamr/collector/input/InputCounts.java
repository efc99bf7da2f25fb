package org.openamr.collector.input;

import java.util.Map;
import java.util.TreeMap;

/** What an input has done: readouts stored and failures by kind (a web page and the log show them). */
public final class InputCounts {

    private long readouts;
    private long telegrams;
    private final Map<String, Long> errors = new TreeMap<>();

    synchronized void telegram() {
        telegrams++;
    }

    synchronized void readouts(int n) {
        readouts += n;
    }

    synchronized void error(String kind) {
        errors.merge(kind, 1L, Long::sum);
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
}
