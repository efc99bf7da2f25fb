package org.openamr.server.alarm.rule;

import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.consumption.Sample;

/**
 * A building heat meter's newest instantaneous values of one readout: the heat carrier's flow ({@code VOLUME_FLOW},
 * m³/h) and the supply-minus-return temperature difference ({@code TEMPERATURE_DIFFERENCE}, K). One query per batch
 * (the newest reading of those registers of the batch's meters) fills them.
 *
 * @param flow   null when the meter reported none
 * @param deltaT null when the meter reported none
 */
public record HeatState(AlarmObject object, Sample flow, Sample deltaT) implements RuleInput {

    public HeatState {
        Objects.requireNonNull(object, "object");
    }
}
