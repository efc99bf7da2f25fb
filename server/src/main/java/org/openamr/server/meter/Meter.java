package org.openamr.server.meter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A physical meter. {@code points} are where it is installed now (empty: unassigned or removed;
 * several for a heat meter whose pulse inputs count the flat's water);
 * {@code medium} is as entered, else as the meter named itself on the bus ({@code Medium.jsonName()}, e.g. "heat");
 * {@code hasKey} tells whether an AES key is stored — the key itself never leaves the server.
 */
public record Meter(UUID id, String manufacturer, String model, String serial, String medium, Integer primaryAddress,
                    String secondaryAddress, UUID channel, List<UUID> points, boolean hasKey, Integer registerDigits,
                    LocalDate verifiedOn, LocalDate nextVerification, Instant firstSeenAt, Instant lastSeenAt) {
}
