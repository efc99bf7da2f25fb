package org.openamr.server.web.alarms;

import java.util.Map;
import org.openamr.server.alarm.Label;
import org.openamr.server.alarm.Severity;

/**
 * A building's open alarms on a list or its page: how many, coloured by the worst of them.
 *
 * @param worstLabel the worst severity in both languages, for the badge's title
 */
public record AlarmBadge(int count, Severity worst, Label worstLabel) {

    /** The badge of open alarms counted per severity; null when there are none, so that no badge shows. */
    public static AlarmBadge of(Map<Severity, Integer> bySeverity) {
        if (bySeverity == null) {
            return null;
        }
        int count = 0;
        Severity worst = null;
        for (Map.Entry<Severity, Integer> e : bySeverity.entrySet()) {
            if (e.getValue() > 0) {
                count += e.getValue();
                worst = worst == null || e.getKey().atLeast(worst) ? e.getKey() : worst;
            }
        }
        return count == 0 ? null : new AlarmBadge(count, worst, worst.label());
    }
}
