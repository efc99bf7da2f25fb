package org.openamr.server.web.unassigned;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The form that installs one heard meter at a metering point: building, then premise (or the building's
 * own points), then a point there or a new one for the meter's resource, and from when.
 *
 * @param premise     "" none chosen yet, {@link #BUILDING_LEVEL}, or a premise id
 * @param point       "" none chosen yet, {@link #NEW_POINT}, or a point id
 * @param installedAt local date and time in the building's zone, as the form's field holds it
 * @param error       what stopped the assignment, as a message key with its arguments; null when nothing did
 */
public record AssignPage(UnassignedPage.HeardMeter meter, List<Choice> buildings, UUID building, ZoneId zone,
                         List<Choice> premises, String premise, List<PointChoice> points, String point,
                         List<String> resources, String resource, String name, String installedAt, Problem error) {

    public static final String BUILDING_LEVEL = "building";
    public static final String NEW_POINT = "new";

    public record Choice(UUID id, String label) {
    }

    /** @param meter the serial of the meter installed there now, null when the point is free */
    public record PointChoice(UUID id, String resource, String name, String meter, Instant since) {
    }

    public record Problem(String key, List<Object> args) {
    }

    public boolean premiseChosen() {
        return !premise.isEmpty();
    }
}
