package org.openamr.simulator.meter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.Consumption;

/**
 * When a meter was in which error state. Registers are a pure function of the consumption model
 * and this log, so a reading at any moment, before or after an error, is exact and repeatable:
 * consumption that flowed while an error stopped the register is subtracted.
 *
 * <p>Thread-safe: errors are set from a test or console while the bus reads the meter.
 */
public final class ErrorLog {

    /** One stretch of one error; {@code to} is null while it lasts. */
    public record Episode(MeterError error, Instant from, Instant to) {
        boolean activeAt(Instant t) {
            return !t.isBefore(from) && (to == null || t.isBefore(to));
        }
    }

    private record Interval(Instant from, Instant to) {
    }

    /** What flowed over one finished stretch of errors: a pure function of the consumption, so kept. */
    private record Flowed(Consumption consumption, Channel channel, Interval interval) {
    }

    private final List<Episode> episodes = new ArrayList<>();
    /**
     * A meter with years of scheduled episodes (the demo's house heat meter) would otherwise sum its building's
     * apartments over every past episode at every reading.
     */
    private final Map<Flowed, Long> flowed = new ConcurrentHashMap<>();

    /** Puts the meter into {@code error} from {@code at} on; no change if it already is. */
    public synchronized void set(MeterError error, Instant at) {
        if (episodes.stream().noneMatch(e -> e.error() == error && e.to() == null)) {
            episodes.add(new Episode(error, at, null));
        }
    }

    /** Ends {@code error} at {@code at}; no change if it is not set. */
    public synchronized void clear(MeterError error, Instant at) {
        for (int i = 0; i < episodes.size(); i++) {
            Episode e = episodes.get(i);
            if (e.error() == error && e.to() == null) {
                episodes.set(i, new Episode(error, e.from(), at.isBefore(e.from()) ? e.from() : at));
            }
        }
    }

    public synchronized List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** The errors in force at {@code t}. */
    public synchronized Set<MeterError> activeAt(Instant t) {
        Set<MeterError> out = EnumSet.noneOf(MeterError.class);
        for (Episode e : episodes) {
            if (e.activeAt(t)) {
                out.add(e.error());
            }
        }
        return out;
    }

    /** When the oldest error still in force at {@code t} began. */
    public synchronized Optional<Instant> activeSince(Instant t) {
        return episodes.stream().filter(e -> e.activeAt(t)).map(Episode::from).min(Instant::compareTo);
    }

    /** Fine units of {@code channel} that flowed up to {@code t} while an error matching {@code stops} was set. */
    public long lost(Consumption consumption, Channel channel, Predicate<MeterError> stops, Instant t) {
        long lost = 0;
        for (Interval i : merged(stops, t)) {
            lost += i.to().isBefore(t)
                    ? flowed.computeIfAbsent(new Flowed(consumption, channel, i), f -> between(consumption, channel, i))
                    : between(consumption, channel, i);
        }
        return lost;
    }

    private static long between(Consumption consumption, Channel channel, Interval i) {
        return consumption.cumulative(channel, i.to()) - consumption.cumulative(channel, i.from());
    }

    /** Total time up to {@code t} with an error matching {@code which}. */
    public Duration time(Predicate<MeterError> which, Instant t) {
        Duration d = Duration.ZERO;
        for (Interval i : merged(which, t)) {
            d = d.plus(Duration.between(i.from(), i.to()));
        }
        return d;
    }

    /** The union of the matching episodes, cut at {@code t}, in time order and without overlaps. */
    private synchronized List<Interval> merged(Predicate<MeterError> which, Instant t) {
        List<Interval> raw = new ArrayList<>();
        for (Episode e : episodes) {
            if (which.test(e.error()) && e.from().isBefore(t)) {
                Instant to = e.to() == null || e.to().isAfter(t) ? t : e.to();
                raw.add(new Interval(e.from(), to));
            }
        }
        raw.sort((a, b) -> a.from().compareTo(b.from()));
        List<Interval> out = new ArrayList<>();
        for (Interval i : raw) {
            Interval last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !i.from().isAfter(last.to())) {
                out.set(out.size() - 1, new Interval(last.from(), i.to().isAfter(last.to()) ? i.to() : last.to()));
            } else {
                out.add(i);
            }
        }
        return out;
    }
}
