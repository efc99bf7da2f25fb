package org.openamr.server.api;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Time zones as users type them in subscriptions: a region id like Europe/Moscow, Moscow when none is given. */
public final class TimeZones {

    public static final ZoneId DEFAULT = ZoneId.of("Europe/Moscow");

    private TimeZones() {
    }

    /** @throws BadRequestException naming the field {@code timeZone} when the text is no zone */
    public static ZoneId parse(String text) {
        try {
            return text == null || text.isBlank() ? DEFAULT : ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new BadRequestException("field 'timeZone': '" + text + "' is not a time zone like Europe/Moscow");
        }
    }
}
