package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.PointStatus;
import org.openamr.server.consumption.Segment;
import org.openamr.server.consumption.SourceReading;

/**
 * "Every one of the last N intervals has a figure that …": the common part of the leak and no-consumption rules. The
 * newest interval with a figure that does not qualify ends the condition (it is the clearing reading); an interval
 * without a figure in the window leaves it unknown.
 */
final class ConsumptionWindow {

    private ConsumptionWindow() {
    }

    /**
     * @param what words for a qualifying figure, e.g. "above 0 m³"
     */
    static Verdict evaluate(List<PointInterval> series, int n, Predicate<BigDecimal> qualifies, String what,
            String unitOfWindow) {
        if (series.isEmpty()) {
            return Verdict.unknown(Evidence.none("no consumption figures"));
        }
        List<PointInterval> window = series.subList(Math.max(0, series.size() - n), series.size());
        for (int i = window.size() - 1; i >= 0; i--) {
            PointInterval p = window.get(i);
            if (p.status() == PointStatus.COMPLETE && !qualifies.test(p.value())) {
                return Verdict.ended(new Evidence(p.interval().end(), "consumption " + p.value().toPlainString() + " "
                        + p.unit().symbol() + " from " + p.interval().start() + " to " + p.interval().end()
                        + ", not " + what, readings(p)));
            }
        }
        PointInterval last = window.get(window.size() - 1);
        for (PointInterval p : window) {
            if (p.status() != PointStatus.COMPLETE) {
                return Verdict.unknown(new Evidence(last.interval().end(), "no figure from " + p.interval().start()
                        + " to " + p.interval().end() + " (" + p.status() + ")", List.of()));
            }
        }
        if (window.size() < n) {
            return Verdict.unknown(new Evidence(last.interval().end(), "figures for " + window.size() + " "
                    + unitOfWindow + " of " + n, List.of()));
        }
        PointInterval first = window.get(0);
        BigDecimal least = window.stream().map(PointInterval::value).min(BigDecimal::compareTo).orElseThrow();
        List<SourceReading> readings = new ArrayList<>(readings(first));
        readings.addAll(readings(last));
        return Verdict.holds(new Evidence(last.interval().end(), "consumption " + what + " in each of the " + n + " "
                + unitOfWindow + " from " + first.interval().start() + " to " + last.interval().end() + " (least "
                + least.toPlainString() + " " + last.unit().symbol() + ")", readings));
    }

    /** The stored values an interval's figure rests on: its segments' boundary readings. */
    static List<SourceReading> readings(PointInterval p) {
        List<SourceReading> out = new ArrayList<>();
        for (Segment s : p.segments()) {
            out.addAll(s.start().readings());
            out.addAll(s.end().readings());
        }
        return out;
    }
}
