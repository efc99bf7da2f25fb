package org.openamr.server.alarm.rule;

import org.openamr.server.alarm.AlarmObject;

/** What a rule evaluates for one object: everything it looks at, fetched beforehand. */
public interface RuleInput {

    AlarmObject object();
}
