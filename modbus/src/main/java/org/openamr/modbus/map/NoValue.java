package org.openamr.modbus.map;

import java.util.OptionalLong;

/**
 * What a device puts in a value's registers when it has no value to give: a map's
 * {@code novalue | TYPE | PATTERN} statement. A value holding it is left out of a read, as if its
 * registers had not been read, instead of becoming a number (int32 0x80000000 would read as
 * −2147483648) or failing the read (a float32 NaN).
 *
 * @param type the value type the pattern applies to (every value of the map of that type)
 * @param bits the raw bits as the value's type reads them, word order applied (0x80000000 for int32);
 *             empty for {@code NaN}, which stands for every float32 NaN
 */
public record NoValue(DataType type, OptionalLong bits) {

    /** True when a value of this type with these raw bits (word order applied) means "no value". */
    public boolean matches(DataType valueType, long rawBits) {
        if (valueType != type) {
            return false;
        }
        if (bits.isEmpty()) {
            return type == DataType.FLOAT32 && Float.isNaN(Float.intBitsToFloat((int) rawBits));
        }
        return bits.getAsLong() == rawBits;
    }
}
