package org.openamr.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.Hash;

/**
 * The house heat meter's abnormal situation (нештатная ситуация) of each month: a few hours of air in the pipe,
 * as after works on the heating network, so that its monthly heat sheet shows what an НС looks like. The
 * ultrasonic flow sensor gets no signal: the Sonometer measures no flow, integrates neither volume nor energy,
 * raises its temporary-error status and counts the hours in its hours-in-error register, while its operating hours
 * go on. The heat sheet reads those hours as НС 4 (functional failure) and as idle time.
 *
 * <p>Every month has one, on a day and hours that follow from the seed and the month alone, from the meter's
 * installation on: the meter's registers stay a function of time, so the backfill, a live poll during the
 * current month's episode and a restart in a later month all see the same history.
 */
final class HouseHeatIncidents {

    static final MeterError ERROR = MeterError.AIR_IN_FLOW;
    /** A demo left running keeps its schedule this long past its start. */
    static final int MONTHS_AHEAD = 12;
    private static final long SALT = 0x4E53_0001L;

    private HouseHeatIncidents() {
    }

    /** One episode: from the start of an hour, whole hours long. */
    record Incident(Instant from, Instant to) {
        long hours() {
            return Duration.between(from, to).toHours();
        }
    }

    /** The month's episode: on the 5th to the 24th, starting 09:00 to 14:00 local, 3 to 5 hours. */
    static Incident of(long seed, YearMonth month, ZoneId zone) {
        long h = Hash.of(seed, SALT, month.getYear() * 12L + month.getMonthValue() - 1);
        int day = Hash.between(Hash.of(h, 1), 5, 24);
        int hour = Hash.between(Hash.of(h, 2), 9, 14);
        int hours = Hash.between(Hash.of(h, 3), 3, 5);
        Instant from = month.atDay(day).atTime(hour, 0).atZone(zone).toInstant();
        return new Incident(from, from.plus(Duration.ofHours(hours)));
    }

    /** Puts every month's episode from the meter's installation to {@code last} into its error log. */
    static void schedule(VirtualMeter meter, long seed, YearMonth last) {
        ZoneId zone = meter.consumption().zone();
        for (YearMonth m = YearMonth.from(meter.consumption().installedAt().atZone(zone)); !m.isAfter(last);
                m = m.plusMonths(1)) {
            Incident i = of(seed, m, zone);
            meter.setError(ERROR, i.from());
            meter.clearError(ERROR, i.to());
        }
    }
}
