package org.openamr.simulator.bus;

import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.simulator.meter.MeterType;

/** A meter on the bus as a master should find it: addresses now, kind, and the baud rate it listens at. */
public record MeterInfo(SecondaryAddress secondaryAddress, int primaryAddress, MeterType type, int baud) {
}
