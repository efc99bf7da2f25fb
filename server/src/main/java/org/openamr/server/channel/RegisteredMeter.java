package org.openamr.server.channel;

import java.util.Optional;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.link.Address;

/**
 * A meter of the registry on a polled channel, with what it takes to address it on the bus.
 *
 * @param primary its address on the channel's bus: the M-Bus primary address, or a Modbus unit id
 * @param model   as the registry has it; on a Modbus channel it chooses the register map
 */
record RegisteredMeter(long id, String serial, String manufacturer, Integer primary, Integer version, Integer medium,
                       String model) {

    /** The full secondary address, when the registry knows all of id, maker, version and medium. */
    Optional<SecondaryAddress> secondary() {
        if (manufacturer == null || version == null || medium == null || !serial.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecondaryAddress.of(serial, manufacturer, version, medium));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * By primary address when it has one. Address 0 is where unconfigured meters sit, often several
     * on one bus, so a meter at 0 whose secondary address is known is read by that instead.
     */
    boolean byPrimary() {
        return primary != null && (primary != Address.UNCONFIGURED || secondary().isEmpty());
    }

    /** How it is addressed, e.g. "primary address 5"; empty if it cannot be. */
    Optional<String> addressing() {
        if (byPrimary()) {
            return Optional.of("primary address " + primary);
        }
        return secondary().map(s -> "secondary address " + s);
    }

    /** True when a readout comes from this meter (a maker the registry does not know matches any). */
    boolean is(MeterIdentity identity) {
        return serial.equals(identity.serial())
                && (manufacturer == null || identity.manufacturer().map(manufacturer::equals).orElse(true));
    }

    /** The identity its Modbus readings are stored under: Modbus says nothing about who answers. */
    MeterIdentity identity() {
        return new MeterIdentity(serial, Optional.ofNullable(manufacturer), Optional.ofNullable(version),
                Optional.ofNullable(medium));
    }

    String describe() {
        return serial + (manufacturer == null ? "" : " " + manufacturer);
    }
}
