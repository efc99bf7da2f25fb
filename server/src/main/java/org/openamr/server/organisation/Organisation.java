package org.openamr.server.organisation;

import java.util.UUID;
import org.openamr.server.unit.HeatUnit;

/**
 * A management company (owns buildings' accounts) or a service company (runs their metering).
 *
 * @param heatUnit the unit its buildings' pages and reports show heat in first (a management company's choice): the
 *                 Gcal by default
 */
public record Organisation(UUID id, Kind kind, String name, String inn, HeatUnit heatUnit) {

    public enum Kind { MANAGEMENT, SERVICE }
}
