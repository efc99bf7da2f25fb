package org.openamr.acquisition.readout;

import java.util.Objects;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import java.util.StringJoiner;
import org.openamr.mbus.record.DataRecord;
import org.openamr.mbus.record.Function;
import org.openamr.mbus.record.VifMeaning;

/**
 * Which register of a meter a value belongs to: quantity, unit, storage number (0 = current,
 * 1… = stored values such as the monthly due-date value), tariff, subunit, function and a
 * qualifier. Two values with equal keys and equal times are the same fact, whichever route
 * delivered them.
 *
 * @param qualifier what the VIF extensions add ("" for a plain value): modifiers such as
 *        {@code ACCUMULATION_NEGATIVE} or {@code UPPER_LIMIT}, or a record error code {@code E18};
 *        without it, a meter's "hours in error" would overwrite its "operating hours"
 */
public record RegisterKey(Quantity quantity, Unit unit, long storage, int tariff, int subunit, Function function,
                          String qualifier) {

    public RegisterKey {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(qualifier, "qualifier");
        if (storage < 0 || tariff < 0 || subunit < 0) {
            throw new IllegalArgumentException("storage, tariff and subunit are never negative");
        }
    }

    /** A register with no VIF extensions. */
    public RegisterKey(Quantity quantity, Unit unit, long storage, int tariff, int subunit, Function function) {
        this(quantity, unit, storage, tariff, subunit, function, "");
    }

    /** The key of a decoded record. */
    public static RegisterKey of(DataRecord r) {
        VifMeaning m = r.valueInformation().meaning();
        StringJoiner q = new StringJoiner("+");
        m.modifiers().stream().map(Enum::name).sorted().forEach(q::add);
        if (m.recordError() >= 0) {
            q.add(String.format("E%02X", m.recordError()));
        }
        return new RegisterKey(r.quantity(), r.unit(), r.storageNumber(), r.tariff(), r.subunit(), r.function(),
                q.toString());
    }

    public static RegisterKey current(Quantity quantity, Unit unit) {
        return new RegisterKey(quantity, unit, 0, 0, 0, Function.INSTANTANEOUS);
    }

    /** True for registers that only ever grow (energy, volume, mass): consumption is their difference. */
    public boolean cumulative() {
        return function == Function.INSTANTANEOUS && qualifier.isEmpty() && switch (quantity) {
            case ENERGY, VOLUME, MASS, REACTIVE_ENERGY, APPARENT_ENERGY, HCA_UNITS -> true;
            default -> false;
        };
    }
}
