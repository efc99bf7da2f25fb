package org.openamr.server.channel;

import java.time.Instant;
import java.util.UUID;

/** What one run did with one meter: read (how many values), or failed and why. */
public record OutcomeView(UUID meterId, String serial, String manufacturer, boolean ok, String addressedBy,
                          int valuesRead, String error, Instant at) {
}
