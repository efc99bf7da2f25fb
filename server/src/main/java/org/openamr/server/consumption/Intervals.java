package org.openamr.server.consumption;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The intervals of a query: the period widened to whole intervals of the building's local calendar. */
public final class Intervals {

    /** More intervals than this is a mistake or an export, not a view: the query is refused. */
    public static final int MAX_INTERVALS = 5000;

    private Intervals() {
    }

    /**
     * Intervals from the one containing {@code from} to the one containing the last instant before
     * {@code to}: a period that does not start or end on a boundary is widened, never cut.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from} or when there would
     *         be more than {@link #MAX_INTERVALS} intervals
     */
    public static List<Interval> of(Instant from, Instant to, Resolution resolution, ZoneId zone) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
        List<Interval> out = new ArrayList<>();
        Instant start = resolution.floor(from, zone);
        while (start.isBefore(to)) {
            if (out.size() == MAX_INTERVALS) {
                throw new IllegalArgumentException("the period from " + from + " to " + to + " has more than "
                        + MAX_INTERVALS + " intervals of resolution " + resolution
                        + ": shorten the period or choose a coarser resolution");
            }
            Instant end = resolution.next(start, zone);
            out.add(new Interval(start, end));
            start = end;
        }
        return out;
    }
}
