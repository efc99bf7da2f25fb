package org.openamr.server.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as the API shows it. A concentrator's push token is never shown, only whether one is set.
 *
 * @param meters  meters registered on the channel
 * @param modbusMap a MODBUS channel's register map for meters whose model names none
 * @param lastPoll the newest poll (scheduled or read-now), null if none ran yet; searches are in the runs
 */
public record ChannelView(UUID id, ChannelKind kind, String name, UUID buildingId, String address, int baud,
                          String scheduleCron, boolean enabled, boolean hasToken, Instant createdAt, long meters,
                          RunView lastPoll, String modbusMap) {
}
