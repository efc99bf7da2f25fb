package org.openamr.server.channel;

import java.util.UUID;

/**
 * A new channel.
 *
 * @param kind         SERIAL_PORT, TCP_GATEWAY, CONCENTRATOR or MODBUS (text, so that a wrong one gets a clear answer)
 * @param address      {@code tcp://host:port} or a serial port; absent for a concentrator
 * @param baud         an M-Bus speed, 2400 when absent; a Modbus channel's speed is in its address
 * @param scheduleCron Spring cron (six fields, seconds first) in the building's time zone; absent: on demand only
 * @param enabled      true when absent
 * @param modbusMap    MODBUS only: the register map of meters whose model names none
 */
public record NewChannel(String kind, String name, UUID buildingId, String address, Integer baud,
                             String scheduleCron, Boolean enabled, String modbusMap) {
}
