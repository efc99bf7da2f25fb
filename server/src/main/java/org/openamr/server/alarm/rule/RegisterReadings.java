package org.openamr.server.alarm.rule;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.alarm.Evidence;
import org.openamr.server.alarm.Verdict;
import org.openamr.server.consumption.RegisterSeries;
import org.openamr.server.consumption.Sample;
import org.openamr.server.consumption.SourceReading;

/**
 * A meter's newest readings of its cumulative register (storage 0), oldest first; the rules that look at the step
 * between readings need the last two. One query fills these for all meters of a batch ({@code register_id = any(…)}
 * with a window per register).
 *
 * @param registerDigits digits of the register before it rolls over, when known
 */
public record RegisterReadings(AlarmObject object, String meterSerial, Integer registerDigits, RegisterSeries series)
        implements RuleInput {

    public RegisterReadings {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(meterSerial, "meterSerial");
        Objects.requireNonNull(series, "series");
    }

    /** Two consecutive readings. */
    record Step(Sample before, Sample after) {
    }

    /** The newest step, or null when there are fewer than two readings. */
    Step newestStep() {
        List<Sample> s = series.samples();
        return s.size() < 2 ? null : new Step(s.get(s.size() - 2), s.get(s.size() - 1));
    }

    /** Fewer than two readings are no data about a step. */
    Verdict noStep() {
        List<Sample> s = series.samples();
        return Verdict.unknown(s.isEmpty() ? Evidence.none("meter " + meterSerial + " has no readings")
                : evidence(s.get(0).at(), "meter " + meterSerial + " has one reading only", s.get(0)));
    }

    Evidence evidence(Instant at, String detail, Sample... samples) {
        return new Evidence(at, detail, Arrays.stream(samples).map(this::source).toList());
    }

    private SourceReading source(Sample s) {
        return new SourceReading(series.registerId(), meterSerial, s.at(), s.value(), series.unit(),
                SourceReading.Kind.CURRENT);
    }
}
