package org.openamr.gateway.image;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openamr.gateway.layout.Layout;
import org.openamr.gateway.layout.ValueFormat;
import org.openamr.modbus.map.ValueDefinition;
import org.openamr.modbus.map.WordOrder;
import org.openamr.modbus.value.RegisterEncoder;

/**
 * The two registers of one value slot and what a client must know about them.
 *
 * <p>int32: the value in thousandths of the slot's unit. A value with more decimals is rounded half-even to
 * thousandths and marked rounded; one beyond ±2 147 483.647 is not served (no-value code) and marked
 * refused, since any number there would be wrong. float32: the nearest float, marked rounded when it
 * reads back (as its shortest decimal) as another number than the meter sent.
 *
 * @param present the words hold a value
 * @param rounded the value read back differs from what the meter sent (see above)
 * @param refused the meter sent the value but it is not served
 */
public record ServedValue(int[] words, boolean present, boolean rounded, boolean refused) {

    /** int32: the most negative number, which no served value takes. */
    public static final int NO_VALUE_INT32 = 0x8000_0000;
    /** float32: the quiet NaN. */
    public static final int NO_VALUE_FLOAT32 = 0x7FC0_0000;

    public ServedValue {
        words = words.clone();
    }

    public static ServedValue of(SlotReading reading, ValueDefinition def, ValueFormat format) {
        if (reading == null) {
            return none(def.order(), format, false);
        }
        if (!(reading instanceof SlotReading.Converted c)) {
            return none(def.order(), format, true);
        }
        BigDecimal value = c.value();
        if (format == ValueFormat.INT32) {
            BigDecimal served = value.setScale(-Layout.INT32_EXPONENT, RoundingMode.HALF_EVEN);
            if (served.unscaledValue().bitLength() > 31 || served.unscaledValue().longValueExact() == Integer.MIN_VALUE) {
                return none(def.order(), format, true);
            }
            return new ServedValue(RegisterEncoder.encode(def, served), true, !c.exact() || served.compareTo(value) != 0,
                    false);
        }
        if (Float.isInfinite(value.floatValue())) {
            return none(def.order(), format, true);
        }
        BigDecimal readBack = RegisterEncoder.served(def, value, 0);
        return new ServedValue(RegisterEncoder.encode(def, value), true, !c.exact() || readBack.compareTo(value) != 0,
                false);
    }

    private static ServedValue none(WordOrder order, ValueFormat format, boolean refused) {
        int code = format == ValueFormat.INT32 ? NO_VALUE_INT32 : NO_VALUE_FLOAT32;
        int high = code >>> 16;
        int low = code & 0xFFFF;
        return new ServedValue(order == WordOrder.BIG ? new int[] {high, low} : new int[] {low, high}, false, false,
                refused);
    }
}
