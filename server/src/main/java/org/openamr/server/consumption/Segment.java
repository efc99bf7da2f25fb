package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.util.List;
import org.openamr.mbus.quantity.Unit;

/**
 * One meter's share of an interval: from the later of the interval start and its installation to the
 * earlier of the interval end and its removal.
 *
 * @param consumption in the register's {@code unit}; null when a boundary is unknown or the register
 *                    went down without rolling over
 * @param rollovers   steps where the register wrapped past its last digit (counted as consumption)
 * @param decrease    the step where the register went down without a rollover, else null
 */
public record Segment(String meterSerial, Unit unit, Boundary start, Boundary end, BigDecimal consumption,
                      List<Step> rollovers, Step decrease) {

    public Segment {
        rollovers = List.copyOf(rollovers);
    }
}
