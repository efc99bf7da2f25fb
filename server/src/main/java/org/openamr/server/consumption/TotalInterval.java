package org.openamr.server.consumption;

import java.math.BigDecimal;

/**
 * A sum over points in one interval.
 *
 * @param value       sum of the points with a figure; null when none has one
 * @param missing     points without a figure because of a gap
 * @param anomalous   points without a figure because their register went down
 */
public record TotalInterval(Interval interval, BigDecimal value, TotalStatus status, int points, int withData,
                            int missing, int anomalous) {
}
