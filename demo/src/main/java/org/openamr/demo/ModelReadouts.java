package org.openamr.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openamr.acquisition.readout.MeterIdentity;
import org.openamr.acquisition.readout.MeterReadout;
import org.openamr.acquisition.readout.RegisterKey;
import org.openamr.acquisition.readout.RegisterValue;
import org.openamr.acquisition.readout.TelegramReadouts;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.master.Readout;
import org.openamr.simulator.meter.VirtualMeter;

/**
 * History of a virtual meter as the poller would have stored it. Each moment's telegrams go
 * through {@link TelegramReadouts} exactly as a poll's do, so keys, units and the moments of stored
 * values are the poller's by construction; of them the backfill keeps the cumulative registers
 * (energy, volume, pulse volumes, tariff energy) and the stored due-date values, once per due date, and of the
 * house heat meter also its power, flow, temperatures and hours (see {@link #backfilledForHouseHeat}).
 */
final class ModelReadouts {

    private final TelegramReadouts telegrams;
    private final ZoneId meterZone;

    /** @param meterZone the zone the meters' clocks run in, as the poller passes it to TelegramReadouts */
    ModelReadouts(TelegramReadouts telegrams, ZoneId meterZone) {
        this.telegrams = telegrams;
        this.meterZone = meterZone;
    }

    /** What the backfill writes of a poll: registers whose differences are consumption, and stored values. */
    static boolean backfilled(RegisterKey key) {
        return key.cumulative() || key.storage() > 0;
    }

    /**
     * What the backfill writes of the house heat meter's poll besides: the current power, flow, temperatures,
     * operating hours and hours in error, which its monthly heat sheet shows day by day. The apartments' meters
     * report them too, but nothing reads their history, and there are hundreds of them.
     */
    static boolean backfilledForHouseHeat(RegisterKey key) {
        return backfilled(key) || key.storage() == 0 && key.tariff() == 0 && key.subunit() == 0
                && HOUSE_HEAT_QUANTITIES.contains(key.quantity());
    }

    static final Set<Quantity> HOUSE_HEAT_QUANTITIES = Set.of(Quantity.POWER, Quantity.VOLUME_FLOW,
            Quantity.FLOW_TEMPERATURE, Quantity.RETURN_TEMPERATURE, Quantity.OPERATING_TIME, Quantity.ON_TIME);

    static MeterIdentity identity(VirtualMeter meter) {
        SecondaryAddress a = meter.secondaryAddress();
        return new MeterIdentity(a.id(), Optional.of(meter.type().manufacturer()), Optional.of(a.version()),
                Optional.of(a.medium()));
    }

    /**
     * One readout carrying the meter's values at every one of {@code times} (ascending), read at the
     * last of them; stored values once per key and moment.
     */
    MeterReadout readout(VirtualMeter meter, List<Instant> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no moments to read " + meter + " at");
        }
        List<RegisterValue> values = new ArrayList<>();
        Set<StoredValue> stored = new HashSet<>();
        Predicate<RegisterKey> kept = meter.type() == DemoBuilding.HOUSE_HEAT_METER
                ? ModelReadouts::backfilledForHouseHeat : ModelReadouts::backfilled;
        for (Instant t : times) {
            Readout read = new Readout("backfill", meter.telegrams(t, 0), t, Duration.ZERO, 1);
            for (RegisterValue v : telegrams.toReadout(read, meterZone).values()) {
                if (kept.test(v.key()) && (v.key().storage() == 0 || stored.add(new StoredValue(v.key(), v.measuredAt())))) {
                    values.add(v);
                }
            }
        }
        return new MeterReadout(identity(meter), times.get(times.size() - 1), values, List.of());
    }

    private record StoredValue(RegisterKey key, Instant at) {
    }
}
