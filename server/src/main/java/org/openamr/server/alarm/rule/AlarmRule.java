package org.openamr.server.alarm.rule;

import org.openamr.server.alarm.RuleKind;
import org.openamr.server.alarm.Severity;
import org.openamr.server.alarm.Verdict;

/**
 * A rule: whether its condition holds for one object now, as a pure function of the input, with the evidence. A rule
 * holds its parameters (a record that refuses values out of range) and nothing else, so one instance serves a whole
 * batch of objects that share them.
 */
public interface AlarmRule<I extends RuleInput> {

    RuleKind kind();

    default Severity severity() {
        return kind().severity();
    }

    /** Never HOLDS on missing data: a reading that is not there is UNKNOWN, not zero. */
    Verdict evaluate(I input);
}
