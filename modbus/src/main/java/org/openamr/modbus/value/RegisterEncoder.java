package org.openamr.modbus.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.openamr.mbus.value.DataTypes;
import org.openamr.modbus.map.DataType;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;

/**
 * Pure functions from exact decimals to register words: the inverse of {@link RegisterDecoder},
 * for whoever serves registers (the virtual Modbus meters, the M-Bus→Modbus gateway). The wire
 * layout is the decoder's.
 *
 * <p>Integer and BCD types carry the value exactly or not at all: a value with more decimals than
 * the map's exponent allows, or too large for the type, is refused, never rounded. A float32
 * carries the nearest float; {@link #served} says which decimal a reader will get back.
 */
public final class RegisterEncoder {

    private RegisterEncoder() {
    }

    /**
     * The words of {@code value} for a value whose map gives a fixed exponent.
     *
     * @throws IllegalArgumentException for an exponent register (use {@link #encode(ValueDefinition, BigDecimal, int)})
     *                                  or a value the type cannot carry, naming the value and why
     */
    public static int[] encode(ValueDefinition def, BigDecimal value) {
        if (!(def.scale() instanceof Scale.Fixed fixed)) {
            throw new IllegalArgumentException(def.name() + ": its exponent is read from a register; give the exponent");
        }
        return encode(def, value, fixed.exponent());
    }

    /** The words of {@code value} × 10^−exponent, the exponent being what the value's scale says. */
    public static int[] encode(ValueDefinition def, BigDecimal value, int exponent) {
        BigDecimal raw = value.scaleByPowerOfTen(-exponent);
        switch (def.type()) {
            case FLOAT32:
                return split(Float.floatToIntBits(raw.floatValue()), def.order());
            case BIT:
                return new int[] {(int) integral(def, raw, 0, 1)};
            case INT16:
                return new int[] {(int) integral(def, raw, Short.MIN_VALUE, Short.MAX_VALUE) & 0xFFFF};
            case UINT16:
                return new int[] {(int) integral(def, raw, 0, 0xFFFF)};
            case INT32:
                return split((int) integral(def, raw, Integer.MIN_VALUE, Integer.MAX_VALUE), def.order());
            case UINT32:
                return split((int) integral(def, raw, 0, 0xFFFF_FFFFL), def.order());
            case BCD16:
                return new int[] {bcd(integral(def, raw, 0, 9999), 4)};
            case BCD32:
                return split(bcd(integral(def, raw, 0, 99_999_999), 8), def.order());
            default:
                throw new IllegalStateException("type " + def.type());
        }
    }

    /** What a reader decodes from the words {@link #encode} gives: {@code value} itself except for float32. */
    public static BigDecimal served(ValueDefinition def, BigDecimal value, int exponent) {
        if (def.type() != DataType.FLOAT32) {
            encode(def, value, exponent);
            return value;
        }
        float f = value.scaleByPowerOfTen(-exponent).floatValue();
        return RegisterDecoder.scaled(DataTypes.shortestDecimal(f), exponent);
    }

    private static long integral(ValueDefinition def, BigDecimal raw, long min, long max) {
        BigInteger n;
        try {
            n = raw.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(def.name() + ": " + raw.toPlainString() + " has more decimals than "
                    + def.type().spelling() + " with the map's exponent can carry");
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(def.name() + ": " + n + " is outside " + min + "…" + max + ", the range of "
                    + def.type().spelling());
        }
        return n.longValue();
    }

    private static int bcd(long n, int digits) {
        int out = 0;
        for (int i = 0; i < digits; i++) {
            out |= (int) (n % 10) << (4 * i);
            n /= 10;
        }
        return out;
    }

    private static int[] split(int bits, WordOrder order) {
        int high = (bits >>> 16) & 0xFFFF;
        int low = bits & 0xFFFF;
        return order == WordOrder.LITTLE ? new int[] {low, high} : new int[] {high, low};
    }
}
