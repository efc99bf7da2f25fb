package org.openamr.server.organisation;

import java.util.UUID;
import org.openamr.server.report.HeatUnit;

/**
 * A management company (owns buildings' accounts) or a service company (runs their metering).
 *
 * @param heatUnit the unit its buildings' pages show heat in first (a management company's choice)
 */
public record Organisation(UUID id, Kind kind, String name, String inn, HeatUnit heatUnit) {

    public enum Kind { MANAGEMENT, SERVICE }
}
