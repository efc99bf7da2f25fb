package org.openamr.server.web;

import java.math.BigDecimal;
import org.openamr.server.unit.HeatUnit;

/**
 * How a page shows heat (computed in kWh): first in the unit the management company chose, then in a second one
 * for comparison: kWh, what the meters count, or Gcal when the first is kWh.
 */
public record HeatDisplay(HeatUnit first, HeatUnit second) {

    public static HeatDisplay of(HeatUnit chosen) {
        return new HeatDisplay(chosen, chosen == HeatUnit.KWH ? HeatUnit.GCAL : HeatUnit.KWH);
    }

    /** An energy in kWh in the first unit, exact ({@link HeatUnit#fromKwh}); rounded only when shown. */
    public BigDecimal inFirst(BigDecimal kwh) {
        return first.fromKwh(kwh);
    }

    public BigDecimal inSecond(BigDecimal kwh) {
        return second.fromKwh(kwh);
    }
}
