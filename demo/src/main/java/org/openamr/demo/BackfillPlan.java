package org.openamr.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeSet;

/**
 * The moments the demo's history is backfilled at: every local midnight from the first day of the
 * month {@code historyMonths} before the current one, and every full hour of the last
 * {@code hourlyDays} days, up to {@code now} and after {@code after} (the newest moment already
 * backfilled, on a restart), in ascending order.
 */
record BackfillPlan(List<Instant> times) {

    BackfillPlan {
        times = List.copyOf(times);
    }

    static BackfillPlan of(Instant now, ZoneId zone, int historyMonths, int hourlyDays, Instant after) {
        TreeSet<Instant> out = new TreeSet<>();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (LocalDate d = today.withDayOfMonth(1).minusMonths(historyMonths); !d.isAfter(today); d = d.plusDays(1)) {
            out.add(d.atStartOfDay(zone).toInstant());
        }
        Instant lastHour = now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        for (Instant t = lastHour.minus(Duration.ofDays(hourlyDays)); hourlyDays > 0 && !t.isAfter(lastHour);
                t = t.plus(Duration.ofHours(1))) {
            out.add(t);
        }
        out.removeIf(t -> t.isAfter(now) || after != null && !t.isAfter(after));
        return new BackfillPlan(List.copyOf(out));
    }

    boolean isEmpty() {
        return times.isEmpty();
    }
}
