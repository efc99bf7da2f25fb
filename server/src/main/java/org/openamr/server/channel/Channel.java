package org.openamr.server.channel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A channel as stored, with what working on it needs from its building.
 *
 * @param timeZone the building's zone (meters' clocks, schedules); null without a building
 * @param modbusMap a MODBUS channel's register map for meters whose model names none; null otherwise
 */
public record Channel(long id, UUID publicId, ChannelKind kind, String name, Long buildingId, UUID buildingPublicId,
                      String address, int baud, String scheduleCron, Instant scheduleSince, boolean enabled,
                      boolean hasToken, Instant createdAt, String timeZone, String modbusMap) {

    /** Where the meters' clocks and the schedule run when the channel has no building. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");

    public ZoneId zone() {
        return timeZone == null ? DEFAULT_ZONE : ZoneId.of(timeZone);
    }
}
