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
 *
 * @param gisDeviceGuid the identifier ГИС ЖКХ (the state housing information system) gave the device, by which a
 *                      readings export names it; null: not known. No two meters share one.
 */
public record Meter(UUID id, String manufacturer, String model, String serial, String medium, Integer primaryAddress,
                    String secondaryAddress, UUID channel, List<UUID> points, boolean hasKey, Integer registerDigits,
                    LocalDate verifiedOn, LocalDate nextVerification, Instant firstSeenAt, Instant lastSeenAt,
                    UUID gisDeviceGuid) {

    /**
     * What a ГИС ЖКХ device GUID may be written as: the usual 36 characters, hex digits in groups of 8-4-4-4-12, in
     * either case (stored as a uuid, read back in lower case).
     */
    public static final String GIS_DEVICE_GUID =
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}";
}
