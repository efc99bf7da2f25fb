package org.openamr.simulator.meter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.openamr.mbus.app.ApplicationMessage.VariableDataResponse;
import org.openamr.mbus.app.CiField;
import org.openamr.mbus.app.LongHeader;
import org.openamr.mbus.app.Medium;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.mbus.app.StatusByte;
import org.openamr.mbus.link.Address;
import org.openamr.mbus.record.DataInformation;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.RecordEncoder;
import org.openamr.mbus.record.RecordSet;
import org.openamr.mbus.value.Value;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.Consumption;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.model.DueDate;
import org.openamr.simulator.model.Hash;
import org.openamr.simulator.model.HeatState;

/**
 * One virtual meter: its identity, its settable primary address and error states, and the
 * application layer it answers with. Link-layer behaviour (FCB, selection, collisions) is the bus's;
 * this class only knows what a readout at a given moment contains.
 *
 * <p>Thread-safe: the bus reads while a test or console sets errors.
 */
public final class VirtualMeter {

    /** Pulse-input registers start at the water meter's reading when the input was set up: up to 150 m³. */
    private static final int MAX_PULSE_START_LITRES = 150_000;
    /** BCD4 holds four digits; Diehl meters stop counting error hours there. */
    private static final long MAX_ERROR_HOURS = 9999;
    private static final int FILLER = 0x2F;

    private final MeterType type;
    private final SecondaryAddress address;
    private final Consumption consumption;
    private final ErrorLog errors = new ErrorLog();
    private final long refreshPhaseSeconds;
    private final long seed;
    /** Steps after which a register in a BCD field rolls over to zero, by register. */
    private final Map<Register, Long> rollover = new EnumMap<>(Register.class);
    private volatile int primaryAddress;

    /**
     * @param id             the 8-digit identification number (secondary address id)
     * @param primaryAddress 0 (unconfigured) to 250
     */
    public VirtualMeter(MeterType type, String id, int primaryAddress, ConsumptionModel model) {
        this(type, id, primaryAddress, model, model.household(secondaryAddress(type, id).toString()));
    }

    /**
     * A meter on a given consumer, e.g. a building's house meter ({@link ConsumptionModel#building}).
     *
     * @param consumption what the meter measures, from {@code model}
     */
    public VirtualMeter(MeterType type, String id, int primaryAddress, ConsumptionModel model,
            Consumption consumption) {
        this.type = type;
        this.address = secondaryAddress(type, id);
        this.consumption = consumption;
        this.seed = model.seed();
        long refresh = type.dataRefresh().getSeconds();
        this.refreshPhaseSeconds = refresh == 0 ? 0 : Long.remainderUnsigned(Hash.of(seed, Hash.of(id), 7), refresh);
        for (List<RecordSpec> telegram : type.layout().telegrams()) {
            for (RecordSpec spec : telegram) {
                if (spec.field().isBcd()) {
                    rollover.put(spec.register(), BigInteger.TEN.pow(2 * spec.field().length()).longValueExact());
                }
            }
        }
        setPrimaryAddress(primaryAddress);
    }

    /** The secondary address a meter of {@code type} with identification number {@code id} has. */
    public static SecondaryAddress secondaryAddress(MeterType type, String id) {
        if (id == null || !id.matches("\\d{8}")) {
            throw new IllegalArgumentException("a meter id is 8 decimal digits, got '" + id + "'");
        }
        return new SecondaryAddress(id, type.manufacturerField(), type.version(), type.medium().code());
    }

    public MeterType type() {
        return type;
    }

    public SecondaryAddress secondaryAddress() {
        return address;
    }

    public String id() {
        return address.id();
    }

    public int primaryAddress() {
        return primaryAddress;
    }

    /** Sets the primary address, as a master does with CI 0x51, DIF 01, VIF 7A. */
    public void setPrimaryAddress(int primaryAddress) {
        this.primaryAddress = Address.requirePrimary(primaryAddress);
    }

    /** What this meter measures: its apartment's household, or a building's sum for a house meter. */
    public Consumption consumption() {
        return consumption;
    }

    public ErrorLog errorLog() {
        return errors;
    }

    /** Puts the meter into an error state from {@code at} on. */
    public void setError(MeterError error, Instant at) {
        if (!type.errors().contains(error)) {
            throw new IllegalArgumentException(type.displayName() + " cannot show " + error + "; it shows "
                    + type.errors());
        }
        errors.set(error, at);
    }

    public void clearError(MeterError error, Instant at) {
        errors.clear(error, at);
    }

    public Set<MeterError> activeErrors(Instant at) {
        return errors.activeAt(dataInstant(at));
    }

    /** The moment the values of a readout at {@code readAt} belong to (see {@link MeterType#dataRefresh()}). */
    public Instant dataInstant(Instant readAt) {
        long period = type.dataRefresh().getSeconds();
        if (period == 0) {
            return readAt;
        }
        long t = readAt.getEpochSecond();
        return Instant.ofEpochSecond(Math.floorDiv(t - refreshPhaseSeconds, period) * period + refreshPhaseSeconds);
    }

    /** Everything a readout at {@code readAt} carries, exactly. */
    public Reading reading(Instant readAt) {
        Instant dataAt = dataInstant(readAt);
        Set<MeterError> active = errors.activeAt(dataAt);
        DueDate due = DueDate.before(dataAt, consumption.zone());
        Map<Register, Value> values = new EnumMap<>(Register.class);
        HeatState heat = type.medium() == Medium.HEAT ? consumption.heat(dataAt) : null;
        for (Register r : type.layout().registers()) {
            value(r, readAt, dataAt, due, active, heat).ifPresent(v -> values.put(r, v));
        }
        int status = 0;
        for (MeterError e : active) {
            status |= e.statusBit();
        }
        return new Reading(address, readAt, dataAt, due, new StatusByte(status), active, values);
    }

    /**
     * The telegrams of a readout: one RSP_UD application message each, all but the last ending
     * with DIF 1F. Access numbers count up from {@code accessNumber}.
     */
    public List<VariableDataResponse> telegrams(Reading reading, int accessNumber) {
        List<List<RecordSpec>> layout = type.layout().telegrams();
        List<VariableDataResponse> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            List<DataRecord> records = new ArrayList<>();
            for (RecordSpec spec : layout.get(i)) {
                if (reading.has(spec.register())) {
                    records.add(record(spec, reading.value(spec.register())));
                }
            }
            LongHeader header = new LongHeader(address.id(), address.manufacturer(), address.version(),
                    address.medium(), (accessNumber + i) & 0xFF, reading.status(), 0);
            out.add(new VariableDataResponse(CiField.RESPONSE_LONG_HEADER, header,
                    new RecordSet(records, new byte[0], i < layout.size() - 1)));
        }
        return out;
    }

    public List<VariableDataResponse> telegrams(Instant readAt, int accessNumber) {
        return telegrams(reading(readAt), accessNumber);
    }

    private static DataRecord record(RecordSpec spec, Value value) {
        Register r = spec.register();
        boolean unavailable = value instanceof Value.Unavailable;
        // A value the meter cannot measure goes as "value during error" filled with 2F, as Diehl and
        // Danfoss meters send it; the error start is by definition a value of the error state.
        Function function = unavailable || r == Register.ERROR_SINCE ? Function.ERROR : Function.INSTANTANEOUS;
        DataInformation dib = DataInformation.of(spec.field(), function, r.storage(), r.tariff(), r.subunit());
        Value wire = value;
        if (unavailable) {
            byte[] filler = new byte[spec.field().length()];
            Arrays.fill(filler, (byte) FILLER);
            wire = new Value.Raw(filler);
        }
        return RecordEncoder.record(dib, spec.vif(), null, wire);
    }

    private Optional<Value> value(Register r, Instant readAt, Instant dataAt, DueDate due, Set<MeterError> active,
            HeatState heat) {
        Optional<Channel> channel = type.channel(r);
        if (channel.isPresent()) {
            Instant t = r.isDueDateValue() ? due.instant() : dataAt;
            return Optional.of(new Value.Numeric(rolledOver(r, channel.get().register(count(r, channel.get(), t)))));
        }
        switch (r) {
            case POWER:
            case VOLUME_FLOW:
            case FLOW_TEMPERATURE:
            case RETURN_TEMPERATURE:
            case TEMPERATURE_DIFFERENCE:
                return Optional.of(instantaneous(r, heat, active));
            case ERROR_CODE:
                return Optional.of(number(BigDecimal.valueOf(ErrorCodes.code(active))));
            case ERROR_TIME: {
                long hours = Math.min(MAX_ERROR_HOURS, errors.time(ErrorCodes::stopsEnergy, dataAt).toHours());
                return Optional.of(number(BigDecimal.valueOf(hours * 3600)));
            }
            case OPERATING_TIME: {
                long hours = Math.max(0, Duration.between(consumption.installedAt(), dataAt).toHours());
                return Optional.of(number(BigDecimal.valueOf(hours * 3600)));
            }
            case ERROR_SINCE:
                return errors.activeSince(dataAt).map(this::clock);
            case METER_CLOCK:
                return Optional.of(clock(readAt));
            case DUE_DATE:
                return Optional.of(new Value.Date(due.date()));
            default:
                throw new IllegalStateException(type + " has no source for " + r);
        }
    }

    /**
     * A BCD register shows as many digits as its field has and, like a counter wheel, starts again at
     * zero after the last: a house meter's heat-carrier volume in litres does after 100 000 m³.
     */
    private BigDecimal rolledOver(Register r, BigDecimal value) {
        Long steps = rollover.get(r);
        if (steps == null) {
            return value;
        }
        return new BigDecimal(value.unscaledValue().mod(BigInteger.valueOf(steps)), value.scale());
    }

    /** The register's count in fine units at {@code t}, after what this meter's errors held back. */
    private long count(Register r, Channel channel, Instant t) {
        long count = consumption.cumulative(channel, t);
        if (type.isPulseInput(r)) {
            // A separate water meter's pulses: the heat meter's own faults do not stop them.
            return count + pulseStartMillilitres(r.current());
        }
        Predicate<MeterError> stops = channel == Channel.HEAT_ENERGY || channel == Channel.HEAT_ENERGY_NIGHT
                ? ErrorCodes::stopsEnergy : MeterError::stopsVolume;
        return count - errors.lost(consumption, channel, stops, t);
    }

    private long pulseStartMillilitres(Register current) {
        return 1000L * Hash.between(Hash.of(seed, Hash.of(address.toString()), 40, current.ordinal()), 0,
                MAX_PULSE_START_LITRES);
    }

    private static Value instantaneous(Register r, HeatState heat, Set<MeterError> active) {
        long power = heat.powerWatts();
        long flow = heat.flowLitresPerHour();
        boolean t1 = active.contains(MeterError.T1_SENSOR_BREAK);
        boolean t2 = active.contains(MeterError.T2_SENSOR_BREAK);
        if (active.contains(MeterError.AIR_IN_FLOW)) {
            flow = 0;
            power = 0;
        } else if (active.contains(MeterError.REVERSE_FLOW)) {
            // The ultrasonic sensor measures the backward flow; no heat is counted for it.
            flow = -flow;
            power = 0;
        }
        if (t1 || t2) {
            power = 0;
        }
        Value broken = new Value.Unavailable("temperature sensor disconnected");
        switch (r) {
            case POWER: return number(BigDecimal.valueOf(power, 3));
            case VOLUME_FLOW: return number(BigDecimal.valueOf(flow, 3));
            case FLOW_TEMPERATURE: return t1 ? broken : number(heat.flowTemperature());
            case RETURN_TEMPERATURE: return t2 ? broken : number(heat.returnTemperature());
            case TEMPERATURE_DIFFERENCE: return t1 || t2 ? broken : number(heat.temperatureDifference());
            default: throw new IllegalArgumentException(r.toString());
        }
    }

    private Value clock(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, consumption.zone()).truncatedTo(ChronoUnit.MINUTES);
        return new Value.DateTime(local, false);
    }

    private static Value number(BigDecimal amount) {
        return new Value.Numeric(amount);
    }

    @Override
    public String toString() {
        return type.displayName() + " " + address + " @" + primaryAddress;
    }
}
