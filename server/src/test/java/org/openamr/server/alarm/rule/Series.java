package org.openamr.server.alarm.rule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openamr.mbus.quantity.Quantity;
import org.openamr.mbus.quantity.Unit;
import org.openamr.server.alarm.AlarmObject;
import org.openamr.server.consumption.ConsumptionCalculator;
import org.openamr.server.consumption.Intervals;
import org.openamr.server.consumption.MeterInstallation;
import org.openamr.server.consumption.PointInput;
import org.openamr.server.consumption.PointInterval;
import org.openamr.server.consumption.RegisterSeries;
import org.openamr.server.consumption.Resolution;
import org.openamr.server.consumption.Sample;

/**
 * Synthetic series for the rule tests: a water meter's readings at regular steps, null where it was not read, turned
 * into consumption by the real calculator, so that a missing reading is a GAP exactly as the server makes it.
 */
final class Series {

    static final ZoneId UTC = ZoneOffset.UTC;
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    static final AlarmObject POINT = AlarmObject.point(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final AlarmObject METER = AlarmObject.meter(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    private Series() {
    }

    /** Readings at START + i hours. */
    static ConsumptionSeries hourly(String... readings) {
        return ConsumptionSeries.of(POINT, consumption(Resolution.HOUR, Duration.ofHours(1), readings));
    }

    /** Readings at START + i days. */
    static ConsumptionSeries daily(boolean occupied, String... readings) {
        return new ConsumptionSeries(POINT, occupied, consumption(Resolution.DAY, Duration.ofDays(1), readings));
    }

    /** {@code n} readings from {@code first}, rising by {@code step} each time. */
    static List<String> rising(String first, String step, int n) {
        List<String> out = new ArrayList<>();
        BigDecimal v = new BigDecimal(first);
        for (int i = 0; i < n; i++) {
            out.add(v.toPlainString());
            v = v.add(new BigDecimal(step));
        }
        return out;
    }

    static String[] array(List<String> readings) {
        return readings.toArray(new String[0]);
    }

    static List<Sample> samples(Duration step, String... readings) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < readings.length; i++) {
            if (readings[i] != null) {
                samples.add(new Sample(START.plus(step.multipliedBy(i)), new BigDecimal(readings[i])));
            }
        }
        return samples;
    }

    /** The register readings of METER (serial W1) at START + i hours. */
    static RegisterReadings meter(Integer digits, String... readings) {
        return new RegisterReadings(METER, "W1", digits,
                new RegisterSeries(7, Unit.M3, samples(Duration.ofHours(1), readings)));
    }

    private static List<PointInterval> consumption(Resolution resolution, Duration step, String... readings) {
        if (readings.length < 2) {
            return List.of();
        }
        MeterInstallation meter = new MeterInstallation("W1", START.minus(Duration.ofDays(400)), null, null, null,
                null, Unit.M3, new RegisterSeries(7, Unit.M3, samples(step, readings)), null, null);
        Instant end = START.plus(step.multipliedBy(readings.length - 1));
        return ConsumptionCalculator.of(resolution, UTC).calculate(new PointInput(Quantity.VOLUME, List.of(meter)),
                Intervals.of(START, end, resolution, UTC));
    }
}
