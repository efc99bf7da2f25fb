package org.openamr.server.web.unassigned;

import java.util.UUID;

/**
 * What the assignment form sends, bound by its fields' names: the choices made so far and the button pressed.
 * A field the form does not show yet is absent and reads as nothing chosen ("" or, for the building and the
 * resource, null), as an empty one does.
 *
 * @param premise     "" none chosen yet, {@link AssignPage#BUILDING_LEVEL}, or a premise id
 * @param point       "" none chosen yet, {@link AssignPage#NEW_POINT}, or a point id
 * @param resource    a {@code MeteringPoint.Resource} name for a new point; null: the meter's medium decides
 * @param installedAt local date and time in the building's zone; "" until the form shows the field
 * @param action      {@link #ASSIGN} to install; anything else only asks for the next step's choices
 */
record AssignForm(UUID building, String premise, String point, String resource, String name, String installedAt,
                  String action) {

    static final String ASSIGN = "assign";
    static final String REFRESH = "refresh";

    AssignForm {
        premise = premise == null ? "" : premise;
        point = point == null ? "" : point;
        name = name == null ? "" : name;
        installedAt = installedAt == null ? "" : installedAt;
        action = action == null || action.isEmpty() ? REFRESH : action;
    }

    /** The form a meter's page starts from: nothing chosen but the building, if one is proposed (null: none). */
    static AssignForm inBuilding(UUID building) {
        return new AssignForm(building, "", "", null, "", "", REFRESH);
    }

    boolean assigns() {
        return ASSIGN.equals(action);
    }
}
