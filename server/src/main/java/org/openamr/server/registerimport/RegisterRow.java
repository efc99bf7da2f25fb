package org.openamr.server.registerimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.openamr.mbus.app.SecondaryAddress;
import org.openamr.server.point.MeteringPoint;
import org.openamr.server.premise.Premise;

/**
 * One row of a register file, read: a premise and, when a resource is named, its point of that resource with
 * the meter installed there. An empty cell means "as it is" for something that exists already. Several rows of
 * one premise with one serial number are one meter serving several points; each of them carries the meter's
 * details as all its rows give them together.
 *
 * @param line         the row's number in the file
 * @param cells        the row as written, for showing it back
 * @param personalAccount the premise's personal account (лицевой счёт); null: not said, a stored one stays
 * @param serial       null: the row has no meter
 * @param subunit      which device of the meter counts the point (0 the meter itself, 1, 2, … its pulse inputs):
 *                     as written, or as a known multi-input meter's wiring implies; null: not said (0 for a new
 *                     point, an existing one as it is)
 * @param subunitGiven whether the file wrote it, rather than the wiring implying it (which leaves a point that has
 *                     counted already as it is)
 * @param gisDeviceGuid the meter's device identifier in ГИС ЖКХ; null: not said, a stored one stays
 */
public record RegisterRow(int line, Map<RegisterColumn, String> cells, Integer entrance, String premise, Premise.Kind kind,
                   Integer floor, BigDecimal area, String personalAccount, MeteringPoint.Resource resource, String maker,
                   String model, String serial, Integer subunit, boolean subunitGiven, Integer primary,
                   SecondaryAddress secondary, LocalDate installedOn, LocalDate verificationDue, UUID gisDeviceGuid) {

    public boolean hasMeter() {
        return serial != null;
    }

    /** Names the meter within the file: the rows of one premise with one serial number. */
    public String meterKey() {
        return premise + "\u0000" + serial;
    }

    /** This row with its meter described as all the meter's rows describe it, counting on {@code subunit}. */
    RegisterRow meter(String maker, String model, Integer primary, SecondaryAddress secondary, LocalDate installedOn,
            LocalDate verificationDue, UUID gisDeviceGuid, Integer subunit) {
        return new RegisterRow(line, cells, entrance, premise, kind, floor, area, personalAccount, resource, maker,
                model, serial, subunit, subunitGiven, primary, secondary, installedOn, verificationDue, gisDeviceGuid);
    }

    String cell(RegisterColumn column) {
        return cells.getOrDefault(column, "");
    }

    /** Two makers name one meter when they agree or one is unknown (as the registry matches meters). */
    static boolean sameMaker(String a, String b) {
        return a == null || b == null || a.equals(b);
    }
}
