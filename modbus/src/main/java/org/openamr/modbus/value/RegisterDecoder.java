package org.openamr.modbus.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.openamr.mbus.value.DataTypes;
import org.openamr.modbus.FunctionCode;
import org.openamr.modbus.map.DataType;
import org.openamr.modbus.map.RegisterMap;
import org.openamr.modbus.map.Scale;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;

/**
 * Pure functions from register words to exact decimals.
 *
 * <p>Wire layout. A Modbus register is a 16-bit word sent high byte first; here it is an int
 * 0..0xFFFF. A 32-bit value takes two consecutive registers {@code first} (lower address) and
 * {@code second}:
 *
 * <pre>
 *               first      second
 * big order     A B        C D        value bytes A B C D, most significant first (0x4148 0x0000 = 12.5f)
 * little order  C D        A B        the low word at the lower address (0x0000 0x4148 = 12.5f)
 * </pre>
 *
 * Integers are two's complement ({@code int}) or unsigned ({@code uint}); {@code float32} is IEEE 754
 * single precision and becomes the shortest decimal that reads back as the same float, the rule of
 * M-Bus type H ({@link DataTypes#shortestDecimal(float)}), so a value means the same whichever
 * protocol carried it; BCD holds four decimal digits a register, most significant nibble first. The
 * number is then multiplied by the value's power of ten exactly.
 */
public final class RegisterDecoder {

    private RegisterDecoder() {
    }

    public static long uint16(int word) {
        return word & 0xFFFF;
    }

    public static long int16(int word) {
        return (short) word;
    }

    public static long uint32(int first, int second, WordOrder order) {
        return join(first, second, order) & 0xFFFF_FFFFL;
    }

    public static long int32(int first, int second, WordOrder order) {
        return join(first, second, order);
    }

    /**
     * A float32's value as the meter meant it.
     *
     * @param what    the value's name, for the message
     * @param address the register of {@code first}
     * @throws NotANumberException for NaN and infinities, which meters send when they have no value
     */
    public static BigDecimal float32(String what, int address, int first, int second, WordOrder order)
            throws NotANumberException {
        float f = Float.intBitsToFloat(join(first, second, order));
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            throw new NotANumberException(what, address, f);
        }
        return DataTypes.shortestDecimal(f);
    }

    /** Four BCD digits: 0x1234 is 1234. */
    public static long bcd16(String what, int address, int word) throws InvalidBcdException {
        long v = 0;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (word >> shift) & 0xF;
            if (digit > 9) {
                throw new InvalidBcdException(what, address, word);
            }
            v = v * 10 + digit;
        }
        return v;
    }

    /** Eight BCD digits in two registers; the error names the register that holds the bad digit. */
    public static long bcd32(String what, int address, int first, int second, WordOrder order)
            throws InvalidBcdException {
        boolean bigFirst = order == WordOrder.BIG;
        long high = bcd16(what, bigFirst ? address : address + 1, bigFirst ? first : second);
        long low = bcd16(what, bigFirst ? address + 1 : address, bigFirst ? second : first);
        return high * 10_000 + low;
    }

    /** {@code raw} × 10^exponent, exact: 123456 with -3 is 123.456. */
    public static BigDecimal scaled(BigDecimal raw, int exponent) {
        return raw.scaleByPowerOfTen(exponent);
    }

    /**
     * One value of a map from the blocks that were read.
     *
     * @throws MissingRegisterException when a register of the value or its exponent register was not read
     */
    public static ModbusValue decode(ValueDefinition def, List<RegisterBlock> blocks) throws RegisterDecodeException {
        int first = word(def, def.address(), blocks);
        int second = def.type().words() == 2 ? word(def, def.address() + 1, blocks) : 0;
        BigDecimal raw = switch (def.type()) {
            case INT16 -> BigDecimal.valueOf(int16(first));
            case UINT16, BIT -> BigDecimal.valueOf(uint16(first));
            case INT32 -> BigDecimal.valueOf(int32(first, second, def.order()));
            case UINT32 -> BigDecimal.valueOf(uint32(first, second, def.order()));
            case FLOAT32 -> float32(def.name(), def.address(), first, second, def.order());
            case BCD16 -> BigDecimal.valueOf(bcd16(def.name(), def.address(), first));
            case BCD32 -> BigDecimal.valueOf(bcd32(def.name(), def.address(), first, second, def.order()));
        };
        BigDecimal value = scaled(raw, exponent(def, blocks));
        return new ModbusValue(def.name(), def.quantity(), def.unit(), def.storage(), def.tariff(), def.subunit(),
                value);
    }

    /**
     * Every value of the map whose registers the blocks hold, in map order; values outside the
     * blocks are left out, since a master may read only part of a map, and so are values holding the
     * map's "no value" pattern of their type ({@link RegisterMap#noValues()}). A value that is read but
     * cannot be decoded fails the whole call: a reading with a silent gap would look complete.
     */
    public static List<ModbusValue> decodeAll(RegisterMap map, List<RegisterBlock> blocks)
            throws RegisterDecodeException {
        List<ModbusValue> out = new ArrayList<>();
        for (ValueDefinition def : map.values()) {
            if (covered(def.function(), def.address(), blocks) && covered(def.function(), def.lastAddress(), blocks)
                    && !map.isNoValue(def.type(), rawBits(def, blocks))) {
                out.add(decode(def, blocks));
            }
        }
        return out;
    }

    /** The value's bits as its type reads them: one word, or two joined in the value's word order. */
    private static long rawBits(ValueDefinition def, List<RegisterBlock> blocks) throws MissingRegisterException {
        int first = word(def, def.address(), blocks);
        if (def.type().words() == 1) {
            return first;
        }
        return join(first, word(def, def.address() + 1, blocks), def.order()) & 0xFFFF_FFFFL;
    }

    private static int exponent(ValueDefinition def, List<RegisterBlock> blocks) throws RegisterDecodeException {
        if (def.scale() instanceof Scale.FromRegister r) {
            int n = (int) int16(word(def, r.address(), blocks)) + r.offset();
            if (Math.abs(n) > Scale.MAX_EXPONENT) {
                throw new ExponentOutOfRangeException(def.name(), r.address(), n);
            }
            return n;
        }
        return ((Scale.Fixed) def.scale()).exponent();
    }

    private static int word(ValueDefinition def, int address, List<RegisterBlock> blocks)
            throws MissingRegisterException {
        for (RegisterBlock b : blocks) {
            if (b.contains(def.function(), address)) {
                return b.word(address);
            }
        }
        throw new MissingRegisterException(def.name(), def.function().hex(), address);
    }

    private static boolean covered(FunctionCode function, int address, List<RegisterBlock> blocks) {
        return blocks.stream().anyMatch(b -> b.contains(function, address));
    }

    private static int join(int first, int second, WordOrder order) {
        int high = order == WordOrder.BIG ? first : second;
        int low = order == WordOrder.BIG ? second : first;
        return ((high & 0xFFFF) << 16) | (low & 0xFFFF);
    }
}
