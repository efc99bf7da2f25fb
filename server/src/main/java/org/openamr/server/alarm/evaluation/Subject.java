package org.openamr.server.alarm.evaluation;

import java.util.Objects;
import org.openamr.server.alarm.rule.RuleInput;

/** One object a rule evaluates: its input and where it is. */
public record Subject<I extends RuleInput>(I input, Place place) {

    public Subject {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(place, "place");
    }
}
