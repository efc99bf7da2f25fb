package org.openamr.server.organisation;

import java.util.UUID;

/**
 * A management company (owns buildings' accounts) or a service company (runs their metering).
 *
 * @param heatUnit the unit its buildings' pages and reports show heat in first (a management company's choice): the
 *                 name of a {@code report.HeatUnit}, GCAL, KWH or GJ. A name rather than the enum: the report
 *                 package builds on buildings, which build on organisations, so organisations cannot build on it.
 */
public record Organisation(UUID id, Kind kind, String name, String inn, String heatUnit) {

    public enum Kind { MANAGEMENT, SERVICE }
}
