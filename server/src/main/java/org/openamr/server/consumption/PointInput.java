package org.openamr.server.consumption;

import java.util.List;
import java.util.Objects;
import org.openamr.mbus.quantity.Quantity;

/**
 * Everything the calculator needs about one metering point: the register quantity it measures and
 * the meters installed at it during the query's period, in installation order.
 */
public record PointInput(Quantity quantity, List<MeterInstallation> installations) {

    public PointInput {
        Objects.requireNonNull(quantity, "quantity");
        installations = List.copyOf(installations);
        for (int i = 1; i < installations.size(); i++) {
            MeterInstallation before = installations.get(i - 1);
            MeterInstallation after = installations.get(i);
            if (before.removedAt() == null || before.removedAt().isAfter(after.installedAt())) {
                throw new IllegalArgumentException("installations of meters " + before.meterSerial() + " and "
                        + after.meterSerial() + " overlap or are out of order");
            }
        }
    }
}
