package org.openamr.simulator.modbus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openamr.modbus.UnitIds;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.simulator.bus.DemoSegment;
import org.openamr.simulator.bus.IdScheme;
import org.openamr.simulator.bus.MeterMix;
import org.openamr.simulator.meter.MeterError;
import org.openamr.simulator.meter.MeterType;
import org.openamr.simulator.meter.VirtualMeter;
import org.openamr.simulator.model.ConsumptionModel;

/**
 * The slave side of a Modbus line or gateway: up to 247 units, each a {@link ModbusMeter}, and the
 * pure request → reply step of the protocol. A request to an absent unit or to unit 0 (broadcast,
 * which carries no read) gets no answer; a present unit answers from its register image at the
 * bus clock's now ({@link Responder}), unless its {@link UnitFault} says otherwise. Framing is
 * the servers' ({@link ModbusServers}).
 *
 * <p>The meters are those of an M-Bus demo segment of the same seed whose meters are all of the
 * bus's meter type: unit ids in ascending order take that segment's meters in order, so units 1..N
 * here are the meters at primary addresses 1..N there, with the same values (in Moscow time, the
 * segment's default).
 *
 * <p>Thread-safe: one request is handled at a time, as on a half-duplex line; faults and meter
 * errors may be changed from other threads meanwhile.
 */
public final class VirtualModbusBus {

    /** The meter type of the units unless the builder says otherwise. */
    public static final MeterType DEFAULT_METER_TYPE = MeterType.SONOSAFE_10;

    private final long seed;
    private final Clock clock;
    private final RegisterMap map;
    private final Map<Integer, ModbusMeter> units;
    private final Map<Integer, UnitFault> faults = new TreeMap<>();
    private long requests;
    private long unanswered;
    private long replies;
    private long exceptions;
    private long faulted;
    private long droppedFrames;

    private VirtualModbusBus(Builder b, Map<Integer, ModbusMeter> units) {
        this.seed = b.seed;
        this.clock = b.clock;
        this.map = b.map;
        this.units = units;
        b.faults.forEach(this::setFault);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The built-in map of the default meter type, {@code danfoss-sonometer.map}. */
    public static RegisterMap defaultMap() {
        String model = DEFAULT_METER_TYPE.displayName().replaceFirst("^Danfoss ", "");
        return RegisterMaps.builtIn().forModel(model).orElseThrow(() ->
                new IllegalStateException("no built-in register map names the model '" + model + "'"));
    }

    // ---- the protocol ----------------------------------------------------------------------------

    /**
     * The reply of {@code unit} to {@code request}, if one comes. A request whose function code has
     * the exception bit set is no request and gets no answer.
     */
    public synchronized Optional<SlaveReply> handle(int unit, ModbusRequest request) {
        requests++;
        ModbusMeter meter = units.get(unit);
        UnitFault fault = faults.get(unit);
        if (meter == null || request.functionCode() >= 0x80 || fault instanceof UnitFault.NoAnswer) {
            unanswered++;
            return Optional.empty();
        }
        ModbusResponse response = fault instanceof UnitFault.ExceptionReply e
                ? new ExceptionResponse(request.functionCode(), e.code())
                : Responder.respond(meter.snapshot(clock.instant()).image(), request);
        replies++;
        if (response instanceof ExceptionResponse) {
            exceptions++;
        }
        if (fault != null) {
            faulted++;
        }
        int replyUnit = fault instanceof UnitFault.OtherUnit o ? o.unit() : unit;
        Duration delay = fault instanceof UnitFault.SlowReply s ? s.delay() : Duration.ZERO;
        return Optional.of(new SlaveReply(replyUnit, response, fault instanceof UnitFault.CorruptReply, delay));
    }

    /** Counts a frame thrown away unanswered (see {@link ModbusBusStats#droppedFrames()}). */
    synchronized void droppedFrame() {
        droppedFrames++;
    }

    public synchronized ModbusBusStats stats() {
        return new ModbusBusStats(requests, unanswered, replies, exceptions, faulted, droppedFrames);
    }

    // ---- the units -------------------------------------------------------------------------------

    public long seed() {
        return seed;
    }

    public Clock clock() {
        return clock;
    }

    /** The map every unit serves. */
    public RegisterMap map() {
        return map;
    }

    /** The unit ids present, ascending. */
    public List<Integer> unitIds() {
        return List.copyOf(units.keySet());
    }

    public Optional<ModbusMeter> unit(int unit) {
        return Optional.ofNullable(units.get(unit));
    }

    /** What a correct master reads from the units: their values at any moment, computed apart from the wire. */
    public ModbusTruth truth() {
        return new ModbusTruth(this);
    }

    public synchronized Optional<UnitFault> fault(int unit) {
        return Optional.ofNullable(faults.get(unit));
    }

    /** The faults in force, by unit id. */
    public synchronized Map<Integer, UnitFault> faults() {
        return Map.copyOf(faults);
    }

    /** Gives a present unit a fault from the next request on (replacing one it had). */
    public synchronized void setFault(int unit, UnitFault fault) {
        requireUnit(unit);
        faults.put(unit, Objects.requireNonNull(fault, "fault"));
    }

    public synchronized void clearFault(int unit) {
        faults.remove(unit);
    }

    /** Puts a unit's meter into an error state now, dated as {@link org.openamr.simulator.bus.VirtualBus#setError} dates it. */
    public void setError(int unit, MeterError error) {
        VirtualMeter m = requireUnit(unit).meter();
        m.setError(error, m.dataInstant(clock.instant()));
    }

    public void clearError(int unit, MeterError error) {
        VirtualMeter m = requireUnit(unit).meter();
        m.clearError(error, m.dataInstant(clock.instant()));
    }

    private ModbusMeter requireUnit(int unit) {
        ModbusMeter m = units.get(unit);
        if (m == null) {
            throw new IllegalArgumentException("no unit " + unit + " on the bus; its units are " + describe(units.keySet()));
        }
        return m;
    }

    /** Unit ids as people write them: {@code 1-20, 33, 40-41}. */
    public static String describe(Collection<Integer> ids) {
        List<String> parts = new ArrayList<>();
        Integer from = null;
        Integer last = null;
        for (int id : new TreeSet<>(ids)) {
            if (last != null && id == last + 1) {
                last = id;
                continue;
            }
            if (from != null) {
                parts.add(from.equals(last) ? Integer.toString(from) : from + "-" + last);
            }
            from = id;
            last = id;
        }
        if (from != null) {
            parts.add(from.equals(last) ? Integer.toString(from) : from + "-" + last);
        }
        return String.join(", ", parts);
    }

    /** Builds a bus: units 1..N, or given unit ids, of one meter type, all serving one map. */
    public static final class Builder {

        private long seed = 1;
        private Clock clock = Clock.systemUTC();
        private MeterType type = DEFAULT_METER_TYPE;
        private RegisterMap map;
        private final TreeSet<Integer> unitIds = new TreeSet<>();
        private final Map<Integer, UnitFault> faults = new LinkedHashMap<>();

        private Builder() {
        }

        /** Everything random follows from it: the meters' ids and consumption. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The meters' clock: a fixed clock makes the registers and the truth stand still for a test. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Units 1..{@code count}, {@code count} 1..247. */
        public Builder units(int count) {
            if (count < 1 || count > UnitIds.LAST) {
                throw new IllegalArgumentException("a Modbus bus has 1.." + UnitIds.LAST + " units, got " + count);
            }
            unitIds.clear();
            for (int u = UnitIds.FIRST; u <= count; u++) {
                unitIds.add(u);
            }
            return this;
        }

        /** These unit ids, each 1..247, instead of 1..N. */
        public Builder unitIds(Collection<Integer> ids) {
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("give at least one unit id");
            }
            for (int id : ids) {
                if (!UnitIds.valid(id)) {
                    throw new IllegalArgumentException("a unit id is " + UnitIds.FIRST + ".." + UnitIds.LAST
                            + " (0 is broadcast, 248..255 reserved), got " + id);
                }
            }
            unitIds.clear();
            unitIds.addAll(ids);
            return this;
        }

        /** The register map every unit serves; {@link #defaultMap()} unless set. */
        public Builder map(RegisterMap map) {
            this.map = Objects.requireNonNull(map);
            return this;
        }

        /** The kind of meter behind every module; {@link #DEFAULT_METER_TYPE} unless set. */
        public Builder meterType(MeterType type) {
            this.type = Objects.requireNonNull(type);
            return this;
        }

        /** A fault of one unit from the start; the unit must be among the bus's units. */
        public Builder fault(int unit, UnitFault fault) {
            faults.put(unit, Objects.requireNonNull(fault));
            return this;
        }

        /**
         * @throws IllegalArgumentException when the map has a value in a unit the meters' value does not
         *                                  convert to, or a fault names a unit that is not on the bus
         */
        public VirtualModbusBus build() {
            if (unitIds.isEmpty()) {
                units(1);
            }
            if (map == null) {
                map = defaultMap();
            }
            ConsumptionModel model = new ConsumptionModel(seed);
            List<VirtualMeter> meters = DemoSegment.meters(model, unitIds.size(), IdScheme.RANDOM, MeterMix.only(type));
            Map<Integer, ModbusMeter> units = new TreeMap<>();
            int i = 0;
            for (int id : unitIds) {
                VirtualMeter m = meters.get(i++);
                m.setPrimaryAddress(id);
                units.put(id, new ModbusMeter(m, map));
            }
            return new VirtualModbusBus(this, units);
        }
    }
}
