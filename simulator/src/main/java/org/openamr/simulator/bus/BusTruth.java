package org.openamr.simulator.bus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.VirtualMeter;

/**
 * What a correct master must find on the bus: the meters with their addresses, and the exact
 * values each one sends at any moment (past or future), computed independently of the wire. A
 * view of the live bus: primary addresses and errors changed at runtime show at once.
 */
public final class BusTruth {

    private final VirtualBus bus;

    BusTruth(VirtualBus bus) {
        this.bus = bus;
    }

    /** Every meter on the bus, in bus order. */
    public List<MeterInfo> meters() {
        return bus.infos();
    }

    public List<SecondaryAddress> secondaryAddresses() {
        return meters().stream().map(MeterInfo::secondaryAddress).toList();
    }

    /** The meter answering at a primary address, if exactly one does. */
    public Optional<SecondaryAddress> atPrimary(int primaryAddress) {
        List<SecondaryAddress> at = meters().stream().filter(m -> m.primaryAddress() == primaryAddress)
                .map(MeterInfo::secondaryAddress).toList();
        return at.size() == 1 ? Optional.of(at.get(0)) : Optional.empty();
    }

    /** Everything the meter sends when read at {@code at}. */
    public Reading reading(SecondaryAddress meter, Instant at) {
        return meter(meter).reading(at);
    }

    /** Everything the meter sends when read now, by the bus clock. */
    public Reading reading(SecondaryAddress meter) {
        return reading(meter, now());
    }

    public Instant now() {
        return bus.clock().instant();
    }

    public VirtualMeter meter(SecondaryAddress meter) {
        return bus.meter(meter).orElseThrow(() -> new IllegalArgumentException("no meter " + meter + " on the bus"));
    }
}
