package org.openamr.server.consumption;

import java.util.List;
import java.util.Objects;
import org.openamr.mbus.quantity.Unit;

/**
 * The readings of one register in the period a query needs, oldest first, each moment once (the
 * reading table's key guarantees that).
 */
public record RegisterSeries(long registerId, Unit unit, List<Sample> samples) {

    public RegisterSeries {
        Objects.requireNonNull(unit, "unit");
        samples = List.copyOf(samples);
        for (int i = 1; i < samples.size(); i++) {
            if (!samples.get(i).at().isAfter(samples.get(i - 1).at())) {
                throw new IllegalArgumentException("samples of register " + registerId
                        + " are not in strictly rising time order");
            }
        }
    }
}
