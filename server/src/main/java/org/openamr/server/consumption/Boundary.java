package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A meter's register value at a boundary of its part of an interval (the interval's start or end, or
 * its installation or removal inside the interval), with the stored values it rests on.
 *
 * @param value   null when unknown
 * @param source  null when unknown
 * @param problem why the value is unknown, else null
 */
public record Boundary(Instant at, BigDecimal value, BoundarySource source, List<SourceReading> readings,
                       String problem) {

    public Boundary {
        readings = List.copyOf(readings);
    }

    public boolean known() {
        return value != null;
    }
}
