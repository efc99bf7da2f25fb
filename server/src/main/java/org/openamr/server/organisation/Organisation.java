package org.openamr.server.organisation;

import java.util.UUID;

/** A management company (owns buildings' accounts) or a service company (runs their metering). */
public record Organisation(UUID id, Kind kind, String name, String inn) {

    public enum Kind { MANAGEMENT, SERVICE }
}
