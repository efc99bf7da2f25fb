package org.openamr.server.reading;

import java.time.Instant;

/**
 * One stored value of one register. {@code value} is the exact decimal as a string (plain notation):
 * JSON numbers are read as binary floating point by most clients, which would change meter values.
 */
public record Reading(String quantity, String unit, long storage, int tariff, int subunit, String function,
                      Instant measuredAt, String value, String source, Instant receivedAt) {
}
