package org.openamr.simulator.radio;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Every meter's transmissions merged in time order (by meter order at equal moments), lazily: it
 * holds one pending transmission per meter, so a long or endless simulation needs no more memory
 * than a short one.
 */
final class TransmitSchedule implements Iterator<TransmitSchedule.Transmission> {

    /** Telegram {@code sequence} of meter number {@code meter}, sent at {@code at}. */
    record Transmission(Instant at, int meter, long sequence) {
    }

    private final List<RadioMeter> meters;
    private final Instant start;
    private final Instant end;
    private final PriorityQueue<Transmission> pending = new PriorityQueue<>(
            Comparator.comparing(Transmission::at).thenComparingInt(Transmission::meter));

    /** @param end the first moment not simulated, null for none */
    TransmitSchedule(List<RadioMeter> meters, Instant start, Instant end) {
        this.meters = meters;
        this.start = start;
        this.end = end;
        for (int i = 0; i < meters.size(); i++) {
            enqueue(i, 0);
        }
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    @Override
    public Transmission next() {
        Transmission t = pending.poll();
        if (t == null) {
            throw new NoSuchElementException("the simulated period has no more telegrams");
        }
        enqueue(t.meter(), t.sequence() + 1);
        return t;
    }

    private void enqueue(int meter, long sequence) {
        Instant at = start.plusMillis(meters.get(meter).timing().offsetMillis(sequence));
        if (end == null || at.isBefore(end)) {
            pending.add(new Transmission(at, meter, sequence));
        }
    }
}
