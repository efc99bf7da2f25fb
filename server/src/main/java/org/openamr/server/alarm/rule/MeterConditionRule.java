package org.openamr.server.alarm.rule;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.event.MeterEvent;

/**
 * What the meter reports about itself, from the conditions its readouts carry (the device profile's error codes and
 * the M-Bus status byte of any maker):
 * <ul>
 *   <li>{@link RuleKind#LOW_BATTERY}: a low-power or battery-end condition is active;</li>
 *   <li>{@link RuleKind#METER_ERROR}: any other condition is active (permanent, temporary or application error, a
 *       sensor fault, air in the flow sensor …) except "application busy", which is no error; or its time-in-error
 *       register grew between its two newest readings, since the meter counts the time it could not measure.</li>
 * </ul>
 * One alarm per meter and kind, whatever the number of its codes. A meter never read is unknown; a readout without
 * those conditions and without a growing time in error clears it.
 */
public record MeterConditionRule(RuleKind kind) implements AlarmRule<MeterState> {

    private static final Set<String> LOW_BATTERY_CODES = Set.of("STATUS_POWER_LOW", "BATTERY_END");
    private static final Set<String> NO_ERROR_CODES = Set.of("STATUS_BUSY");

    public MeterConditionRule {
        if (kind != RuleKind.METER_ERROR && kind != RuleKind.LOW_BATTERY) {
            throw new IllegalArgumentException(kind + " is not a condition a meter reports");
        }
    }

    @Override
    public Verdict evaluate(MeterState meter) {
        if (meter.readAt() == null) {
            return Verdict.unknown(Evidence.none(meter.object() + " was never read"));
        }
        List<MeterEvent> mine = meter.active().stream().filter(this::counts).toList();
        String conditions = mine.isEmpty() ? "no " + (kind == RuleKind.LOW_BATTERY ? "battery" : "error")
                + " condition active"
                : mine.stream().map(e -> e.code() + " (" + e.labelEn() + ") since " + e.occurredAt())
                        .collect(Collectors.joining(", "));
        String detail = "readout at " + meter.readAt() + ": " + conditions;
        boolean grew = kind == RuleKind.METER_ERROR && timeInErrorGrew(meter);
        if (grew) {
            detail += "; time in error rose from " + meter.timeInErrorBefore().value().toPlainString() + " at "
                    + meter.timeInErrorBefore().at() + " to " + meter.timeInErrorNow().value().toPlainString();
        }
        Evidence evidence = Evidence.of(meter.readAt(), detail);
        return mine.isEmpty() && !grew ? Verdict.ended(evidence) : Verdict.holds(evidence);
    }

    private boolean counts(MeterEvent condition) {
        boolean battery = LOW_BATTERY_CODES.contains(condition.code());
        return kind == RuleKind.LOW_BATTERY ? battery : !battery && !NO_ERROR_CODES.contains(condition.code());
    }

    private static boolean timeInErrorGrew(MeterState meter) {
        return meter.timeInErrorBefore() != null && meter.timeInErrorNow() != null
                && meter.timeInErrorNow().value().compareTo(meter.timeInErrorBefore().value()) > 0;
    }
}
