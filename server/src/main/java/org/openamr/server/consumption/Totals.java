package org.openamr.server.consumption;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums of points per interval (a premise, an entrance, the premises of a building, its common
 * meters). A point without a figure is never counted as 0: the sum of the others is PARTIAL and says
 * how many are missing.
 */
public final class Totals {

    private Totals() {
    }

    /** @param points each point's intervals, all in the order of {@code intervals} and in one unit */
    public static List<TotalInterval> sum(List<List<PointInterval>> points, List<Interval> intervals) {
        List<TotalInterval> out = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            BigDecimal sum = BigDecimal.ZERO;
            int withData = 0;
            int missing = 0;
            int anomalous = 0;
            for (List<PointInterval> point : points) {
                PointInterval p = point.get(i);
                if (!p.interval().equals(intervals.get(i))) {
                    throw new IllegalArgumentException("point intervals are not aligned with the total's intervals");
                }
                switch (p.status()) {
                    case COMPLETE -> {
                        sum = sum.add(p.value());
                        withData++;
                    }
                    case GAP -> missing++;
                    case ANOMALY -> anomalous++;
                }
            }
            TotalStatus status = withData == 0 ? TotalStatus.GAP
                    : withData == points.size() ? TotalStatus.COMPLETE : TotalStatus.PARTIAL;
            out.add(new TotalInterval(intervals.get(i), withData == 0 ? null : sum, status, points.size(), withData,
                    missing, anomalous));
        }
        return out;
    }
}
