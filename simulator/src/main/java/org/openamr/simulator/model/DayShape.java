package org.openamr.simulator.model;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * How a day's consumption spreads over its 24 hours: integer weights, so that the share of the day
 * up to any second is an exact fraction. Inside an hour consumption is taken as uniform.
 */
final class DayShape {

    static final int SECONDS_PER_DAY = 86_400;

    /** Radiators draw more in the cold hours of the night and early morning than in the afternoon. */
    private static final int[] HEAT = {45, 46, 47, 47, 47, 46, 45, 43, 41, 40, 39, 38,
        38, 38, 38, 39, 40, 41, 42, 43, 44, 44, 45, 45};
    /**
     * Working days: a sharp morning peak before work, a broad evening peak, little at night and nothing at all
     * 02:00–04:00, when the household sleeps. Water that stands still for a while every night is what tells a
     * household from a leak, which flows in every hour: so every run of 24 clock hours holds one without use
     * (03:00–04:00), also on a meter whose values lag by minutes (a SonoSafe's module copies them every 10),
     * whichever shape the day has.
     */
    private static final int[] WATER_WEEKDAY = {3, 2, 0, 0, 2, 8, 30, 45, 35, 15, 8, 6,
        6, 6, 6, 7, 10, 18, 28, 35, 38, 30, 20, 8};
    /** Weekends: people sleep longer; use is later and spread over the day; nothing 02:00–04:00 either. */
    private static final int[] WATER_WEEKEND = {5, 3, 0, 0, 1, 2, 4, 10, 24, 34, 33, 26,
        20, 16, 14, 14, 16, 20, 26, 30, 30, 26, 18, 9};
    /** Hours of the night tariff, 23:00–07:00. */
    private static final boolean[] NIGHT = new boolean[24];

    static {
        for (int h = 0; h < 24; h++) {
            NIGHT[h] = h >= 23 || h < 7;
        }
    }

    private DayShape() {
    }

    static int[] weights(Channel channel, LocalDate day) {
        if (channel.isHeat()) {
            return HEAT;
        }
        return isWeekend(day) ? WATER_WEEKEND : WATER_WEEKDAY;
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    static int total(int[] w) {
        int s = 0;
        for (int x : w) {
            s += x;
        }
        return s;
    }

    /**
     * The day's share up to {@code second} (0..86400) as a numerator over {@code total(w) * 3600};
     * only hours in the channel's mask count (the night tariff), the denominator is the whole day.
     */
    static long numerator(Channel channel, int[] w, int second) {
        int hour = Math.min(second / 3600, 24);
        long num = 0;
        for (int h = 0; h < hour; h++) {
            if (counts(channel, h)) {
                num += (long) w[h] * 3600;
            }
        }
        if (hour < 24 && counts(channel, hour)) {
            num += (long) w[hour] * (second - hour * 3600L);
        }
        return num;
    }

    private static boolean counts(Channel channel, int hour) {
        return channel != Channel.HEAT_ENERGY_NIGHT || NIGHT[hour];
    }
}
