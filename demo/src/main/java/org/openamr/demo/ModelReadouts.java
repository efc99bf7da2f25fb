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
import org.openamr.acquisition.readout.MeterCondition;
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
     * The meter's values at every one of {@code times} (ascending) as readouts with the conditions it reported: one
     * readout for a run of moments with the same conditions, read at its last; where they change (from none before
     * the first), the first moment of the change is a readout of its own, so that an error is raised (or cleared)
     * when the meter first showed it. Stored values once per key and moment.
     */
    List<MeterReadout> readouts(VirtualMeter meter, List<Instant> times) {
        if (times.isEmpty()) {
            throw new IllegalArgumentException("no moments to read " + meter + " at");
        }
        MeterIdentity identity = identity(meter);
        Set<StoredValue> stored = new HashSet<>();
        Predicate<RegisterKey> kept = meter.type() == DemoBuilding.HOUSE_HEAT_METER
                ? ModelReadouts::backfilledForHouseHeat : ModelReadouts::backfilled;
        List<MeterReadout> out = new ArrayList<>();
        List<RegisterValue> values = new ArrayList<>();
        List<MeterCondition> conditions = List.of();
        for (int i = 0; i < times.size(); i++) {
            Instant t = times.get(i);
            Readout read = new Readout("backfill", meter.telegrams(t, 0), t, Duration.ZERO, 1);
            MeterReadout at = telegrams.toReadout(read, meterZone);
            if (!codes(at.conditions()).equals(codes(conditions))) {
                if (!values.isEmpty()) {
                    out.add(new MeterReadout(identity, times.get(i - 1), values, conditions));
                    values = new ArrayList<>();
                }
                conditions = at.conditions();
                add(values, at, kept, stored);
                out.add(new MeterReadout(identity, t, values, conditions));
                values = new ArrayList<>();
                continue;
            }
            conditions = at.conditions();
            add(values, at, kept, stored);
        }
        if (!values.isEmpty()) {
            out.add(new MeterReadout(identity, times.get(times.size() - 1), values, conditions));
        }
        return out;
    }

    private static void add(List<RegisterValue> values, MeterReadout at, Predicate<RegisterKey> kept,
            Set<StoredValue> stored) {
        for (RegisterValue v : at.values()) {
            if (kept.test(v.key()) && (v.key().storage() == 0 || stored.add(new StoredValue(v.key(), v.measuredAt())))) {
                values.add(v);
            }
        }
    }

    private static Set<String> codes(List<MeterCondition> conditions) {
        Set<String> out = new HashSet<>();
        conditions.forEach(c -> out.add(c.code()));
        return out;
    }

    private record StoredValue(RegisterKey key, Instant at) {
    }
}
