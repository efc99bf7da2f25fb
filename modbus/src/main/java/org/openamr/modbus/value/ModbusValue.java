package org.openamr.modbus.value;

import java.math.BigDecimal;
import java.util.Objects;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;

/**
 * A decoded value with its meaning, in the same terms as an M-Bus record (quantity, unit, storage,
 * tariff, subunit) so that the acquisition layer can key both alike.
 *
 * @param name  the map's name for it, e.g. {@code heatEnergy}
 * @param value exact: the register number × 10^scale, or a float32's shortest decimal × 10^scale
 */
public record ModbusValue(String name, Quantity quantity, Unit unit, long storage, int tariff, int subunit,
                          BigDecimal value) {

    public ModbusValue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
    }
}
