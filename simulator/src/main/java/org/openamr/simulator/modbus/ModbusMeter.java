package org.openamr.simulator.modbus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.DataType;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterEncoder;
import org.openamr.simulator.meter.Reading;
import org.openamr.simulator.meter.VirtualMeter;

/**
 * A virtual meter with a Modbus module: the registers of a {@link RegisterMap} filled from the
 * same readings its M-Bus side sends ({@link VirtualMeter#reading}), so that one meter read over
 * either protocol gives the same values wherever the units and types allow.
 *
 * <p>How a value becomes words: the meter's register in the map's unit ({@link ValueSource}), cut
 * to the resolution of the map's exponent (towards zero, as a meter's counter shows only whole
 * steps), wrapped into the type's range like a counter running over (integer and BCD types), then
 * {@link RegisterEncoder#encode}; a float32 carries the nearest float. An exponent register holds
 * the finest exponent the values sharing it need to be exact, at most three decimals (the model's
 * resolution of litres and watts), made coarser where a value would not fit its type otherwise, as
 * a meter that scales its registers does.
 *
 * <p>Thread-safe: immutable apart from the meter's error states.
 */
public final class ModbusMeter {

    /** The finest resolution an exponent register is set to: 10^-3. */
    private static final int FINEST_REGISTER_EXPONENT = -3;

    private final VirtualMeter meter;
    private final RegisterMap map;
    private final List<ValueSource> sources = new ArrayList<>();

    /**
     * @throws IllegalArgumentException when a value of the map is in a unit the meter's value does not
     *                                  convert to (see {@link ValueSource})
     */
    public ModbusMeter(VirtualMeter meter, RegisterMap map) {
        this.meter = Objects.requireNonNull(meter, "meter");
        this.map = Objects.requireNonNull(map, "map");
        for (ValueDefinition def : map.values()) {
            sources.add(ValueSource.of(map, def, meter.type()));
        }
    }

    /** The meter behind the module, e.g. to put it into an error state. */
    public VirtualMeter meter() {
        return meter;
    }

    public RegisterMap map() {
        return map;
    }

    /** What the module serves when read at {@code readAt}. */
    public ModuleSnapshot snapshot(Instant readAt) {
        Reading reading = meter.reading(readAt);
        Map<ValueDefinition, Optional<BigDecimal>> amounts = new LinkedHashMap<>();
        for (ValueSource s : sources) {
            amounts.put(s.definition(), s.amount(reading));
        }
        Map<ExponentRegister, Integer> exponentRegisters = exponentRegisters(amounts);
        RegisterImage.Builder image = RegisterImage.builder();
        exponentRegisters.forEach((r, word) -> image.put(r.function(), r.address(), word & 0xFFFF));
        List<ServedValue> values = new ArrayList<>();
        for (ValueSource s : sources) {
            ValueDefinition def = s.definition();
            int exponent = exponent(def, exponentRegisters);
            Optional<BigDecimal> amount = amounts.get(def);
            Optional<BigDecimal> served;
            int[] words;
            if (amount.isPresent()) {
                BigDecimal fitted = fit(def, amount.get(), exponent);
                words = RegisterEncoder.encode(def, fitted, exponent);
                served = Optional.of(RegisterEncoder.served(def, fitted, exponent));
            } else {
                Optional<BigDecimal> marker = marker(def, exponent);
                words = marker.isPresent() ? RegisterEncoder.encode(def, marker.get(), exponent) : noValue(def);
                served = marker;
            }
            image.put(def.function(), def.address(), words);
            values.add(new ServedValue(def, served, s.register()));
        }
        return new ModuleSnapshot(readAt, reading.dataAt(), image.build(), values);
    }

    /**
     * {@code amount} as the type shows it at {@code exponent}: whole steps of 10^exponent, towards zero,
     * wrapped into the type's range. A float32 is left to the encoder, which takes the nearest float.
     */
    static BigDecimal fit(ValueDefinition def, BigDecimal amount, int exponent) {
        if (def.type() == DataType.FLOAT32) {
            return amount;
        }
        BigInteger n = amount.scaleByPowerOfTen(-exponent).setScale(0, RoundingMode.DOWN).toBigInteger();
        switch (def.type()) {
            case BIT:
                n = BigInteger.valueOf(n.signum() == 0 ? 0 : 1);
                break;
            case INT16:
                n = signed(n, 16);
                break;
            case UINT16:
                n = n.mod(BigInteger.TWO.pow(16));
                break;
            case INT32:
                n = signed(n, 32);
                break;
            case UINT32:
                n = n.mod(BigInteger.TWO.pow(32));
                break;
            case BCD16:
                n = n.mod(BigInteger.TEN.pow(4));
                break;
            case BCD32:
                n = n.mod(BigInteger.TEN.pow(8));
                break;
            default:
                throw new IllegalStateException("type " + def.type());
        }
        return new BigDecimal(n).scaleByPowerOfTen(exponent);
    }

    private static BigInteger signed(BigInteger n, int bits) {
        BigInteger range = BigInteger.TWO.pow(bits);
        BigInteger m = n.mod(range);
        return m.compareTo(BigInteger.TWO.pow(bits - 1)) >= 0 ? m.subtract(range) : m;
    }

    /**
     * What an integer type carries when the meter has no value: the signed minimum or the unsigned
     * maximum, as meters mark "no value"; empty for the types that have a coding a reader refuses.
     */
    private static Optional<BigDecimal> marker(ValueDefinition def, int exponent) {
        long raw;
        switch (def.type()) {
            case INT16: raw = Short.MIN_VALUE; break;
            case INT32: raw = Integer.MIN_VALUE; break;
            case UINT16: raw = 0xFFFF; break;
            case UINT32: raw = 0xFFFF_FFFFL; break;
            case BIT: raw = 0; break;
            default: return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(raw).scaleByPowerOfTen(exponent));
    }

    /** NaN for a float32, the digits F for BCD: what a reader refuses as no number. */
    private static int[] noValue(ValueDefinition def) {
        switch (def.type()) {
            case FLOAT32:
                return def.order() == WordOrder.LITTLE ? new int[] {0x0000, 0x7FC0} : new int[] {0x7FC0, 0x0000};
            case BCD16:
                return new int[] {0xFFFF};
            case BCD32:
                return new int[] {0xFFFF, 0xFFFF};
            default:
                throw new IllegalStateException("type " + def.type() + " has a marker number");
        }
    }

    private static int exponent(ValueDefinition def, Map<ExponentRegister, Integer> registers) {
        if (def.scale() instanceof Scale.FromRegister r) {
            return registers.get(ExponentRegister.of(def, r)) + r.offset();
        }
        return ((Scale.Fixed) def.scale()).exponent();
    }

    /**
     * The number each exponent register holds: the finest exponent any of its values needs to be
     * exact (never finer than {@link #FINEST_REGISTER_EXPONENT}; a float32 needs none), coarser where a
     * value would not fit its type, and such that every value's exponent stays within
     * ±{@link Scale#MAX_EXPONENT}.
     */
    private static Map<ExponentRegister, Integer> exponentRegisters(Map<ValueDefinition, Optional<BigDecimal>> amounts) {
        Map<ExponentRegister, int[]> bounds = new LinkedHashMap<>();
        amounts.forEach((def, amount) -> {
            if (!(def.scale() instanceof Scale.FromRegister r)) {
                return;
            }
            int wanted = 0;
            int finestThatFits = -Scale.MAX_EXPONENT;
            if (def.type() != DataType.FLOAT32 && amount.isPresent()) {
                wanted = Math.max(FINEST_REGISTER_EXPONENT, Math.min(0, -amount.get().scale()));
                finestThatFits = finestFitting(def, amount.get());
            }
            int[] b = bounds.computeIfAbsent(ExponentRegister.of(def, r),
                    k -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE});
            b[0] = Math.min(b[0], wanted - r.offset());
            b[1] = Math.max(b[1], finestThatFits - r.offset());
            b[2] = Math.min(b[2], Scale.MAX_EXPONENT - r.offset());
        });
        Map<ExponentRegister, Integer> out = new LinkedHashMap<>();
        bounds.forEach((k, b) -> out.put(k, Math.min(b[2], Math.max(b[1], b[0]))));
        return out;
    }

    /** The finest exponent at which {@code amount} fits the type without wrapping (the coarsest allowed if none). */
    private static int finestFitting(ValueDefinition def, BigDecimal amount) {
        for (int e = -Scale.MAX_EXPONENT; e < Scale.MAX_EXPONENT; e++) {
            BigDecimal raw = amount.scaleByPowerOfTen(-e).setScale(0, RoundingMode.DOWN);
            if (fit(def, amount, e).compareTo(raw.scaleByPowerOfTen(e)) == 0) {
                return e;
            }
        }
        return Scale.MAX_EXPONENT;
    }

    /** A register holding an exponent, of the same function as the values it scales. */
    private record ExponentRegister(FunctionCode function, int address) {

        static ExponentRegister of(ValueDefinition def, Scale.FromRegister r) {
            return new ExponentRegister(def.function(), r.address());
        }
    }

    @Override
    public String toString() {
        return meter.type().displayName() + " " + meter.id() + " with map '" + map.name() + "'";
    }
}
