package org.openamr.mbus.record;

import java.math.BigDecimal;
import java.util.List;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * What a value information block says about its value: the quantity, the unit the decoded value
 * is expressed in, the exact multiplier (and, rarely, offset) from the raw number to that unit:
 * value = raw × multiplier + offset; how to read the bytes, and the qualifying modifiers.
 *
 * @param recordError a record error code sent as VIFE 0x00–0x1F, or -1
 * @param description English text of the standard's table entry, e.g. "Energy (Wh)"
 */
public record VifMeaning(Quantity quantity, Unit unit, BigDecimal multiplier, BigDecimal offset, ValueKind kind,
                         List<Modifier> modifiers, int recordError, String description) {

    public VifMeaning {
        modifiers = List.copyOf(modifiers);
    }

    public boolean has(Modifier modifier) {
        return modifiers.contains(modifier);
    }
}
