package org.openamr.server.alarm;

import java.util.Objects;
import java.util.UUID;

/**
 * What an alarm is about: a registry object, or a part of the acquisition, by its public id.
 */
public record AlarmObject(Kind kind, UUID id) {

    public enum Kind { METER, POINT, PREMISE, BUILDING, CHANNEL, COLLECTOR }

    public AlarmObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static AlarmObject meter(UUID id) {
        return new AlarmObject(Kind.METER, id);
    }

    public static AlarmObject point(UUID id) {
        return new AlarmObject(Kind.POINT, id);
    }

    public static AlarmObject premise(UUID id) {
        return new AlarmObject(Kind.PREMISE, id);
    }

    public static AlarmObject building(UUID id) {
        return new AlarmObject(Kind.BUILDING, id);
    }
}
