package org.openamr.server.alarm.notify;

import java.time.LocalTime;
import java.util.Objects;

/**
 * Hours of a subscriber's day without messages, in the subscription's time zone: from {@code from} (inclusive) to
 * {@code to} (exclusive), across midnight when {@code from} is later than {@code to} (22:00–07:00). Changes seen
 * meanwhile are not dropped: they wait and go in the first message after.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours from " + from + " to the same time are no hours");
        }
    }

    public boolean contains(LocalTime t) {
        if (from.isBefore(to)) {
            return !t.isBefore(from) && t.isBefore(to);
        }
        return !t.isBefore(from) || t.isBefore(to);
    }
}
