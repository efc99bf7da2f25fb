package org.openamr.server.alarm.journal;

import java.util.Set;
import java.util.UUID;
import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;

/**
 * Which alarms a list shows; every part optional.
 *
 * @param states      empty: open ones (raised or acknowledged), which is what a journal is first asked for
 * @param minSeverity null: all
 * @param object      the alarms of one object (meter, point, premise, building, channel) by its public id
 */
public record AlarmFilter(Set<StateFilter> states, Severity minSeverity, Set<RuleKind> rules, UUID building,
                          UUID premise, UUID object) {

    /** A state to list; OPEN is raised or acknowledged, not yet cleared. */
    public enum StateFilter { OPEN, RAISED, ACKNOWLEDGED, CLEARED, ALL }

    public AlarmFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
        rules = rules == null ? Set.of() : Set.copyOf(rules);
    }

    public static AlarmFilter open() {
        return new AlarmFilter(Set.of(), null, Set.of(), null, null, null);
    }
}
