package org.openamr.server.web.registerimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.premise.Premise;

/**
 * One row of a register file, read: a premise and, when a resource is named, its point of that resource with
 * the meter installed there. An empty cell means "as it is" for something that exists already.
 *
 * @param line   the row's number in the file
 * @param cells  the row as written, for showing it back
 * @param serial null: the row has no meter
 */
record RegisterRow(int line, Map<RegisterColumn, String> cells, Integer entrance, String premise, Premise.Kind kind,
                   Integer floor, BigDecimal area, MeteringPoint.Resource resource, String maker, String model,
                   String serial, Integer primary, SecondaryAddress secondary, LocalDate installedOn,
                   LocalDate verificationDue) {

    boolean hasMeter() {
        return serial != null;
    }

    String cell(RegisterColumn column) {
        return cells.getOrDefault(column, "");
    }

    /** Two makers name one meter when they agree or one is unknown (as the registry matches meters). */
    static boolean sameMaker(String a, String b) {
        return a == null || b == null || a.equals(b);
    }
}
