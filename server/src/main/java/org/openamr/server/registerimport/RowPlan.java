package org.openamr.server.registerimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.meter.Meters;
import org.openamr.server.premise.Premise;
import org.openamr.server.premise.Premises;
import org.springframework.context.MessageSourceResolvable;

/**
 * What importing one row does to the registry, worked out against it: the actions a person reads in the
 * preview, the problems that forbid the import, and the steps that carry the actions out.
 *
 * @param subunit the subunit of its meter the row's point counts on after the import; null: no point, or the
 *                row is wrong
 */
public record RowPlan(RegisterRow row, Status status, List<MessageSourceResolvable> actions, List<RowProblem> problems,
               Steps steps, Integer subunit) {

    public enum Status { CREATE, UPDATE, UNCHANGED, ERROR }

    /** A premise as it is to be written: the file's values, or the stored ones where the file says nothing. */
    record PremiseValues(Integer entrance, Premise.Kind kind, Integer floor, BigDecimal area, String personalAccount) {

        Premises.Fields fields(String number) {
            return new Premises.Fields(entrance, number, kind, floor, area, personalAccount, null);
        }
    }

    /**
     * @param entrance   an entrance to add to the building first, or null
     * @param premise    the premise's id; null: created by this row or an earlier row of the file
     * @param premiseWrite what to write into the premise (created or changed); null: nothing
     * @param point      the point's id; null with a resource: created by this row
     * @param subunit    the subunit to give the point, created or (never having had a meter) changed; null: none
     * @param meter      the meter's internal id; null with a serial: created by this row or its meter's first row
     * @param meterWrite what to write into the meter; null: nothing
     * @param installAt  when to install the meter at the point (replacing the one there); null: it is there
     */
    record Steps(Integer entrance, UUID premise, PremiseValues premiseWrite, UUID point, Integer subunit, Long meter,
                 Meters.Details meterWrite, Instant installAt) {

        static final Steps NONE = new Steps(null, null, null, null, null, null, null, null);
    }

    /** What the preview promised for this row: compared again when the import is confirmed. */
    public List<Object> promise() {
        return List.of(row.line(), status, actions);
    }
}
