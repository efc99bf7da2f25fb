package org.openamr.bench.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.openamr.simulator.model.Channel;
import org.openamr.simulator.model.ConsumptionModel;
import org.openamr.simulator.model.Household;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Readings of the simulator's consumption model years back, as a demo backfill asks for them: 500
 * apartments, heat and cold water once a month over four years, in a fresh model each time (so
 * that the month sums are computed, not only looked up). Formerly a timed unit test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
public class ConsumptionModelBenchmark {

    static final int APARTMENTS = 500;
    static final int MONTHS = 48;

    private Instant[] moments;
    private String[] ids;

    @Setup
    public void setUp() {
        Instant start = LocalDateTime.of(2022, 12, 17, 12, 0).atZone(ConsumptionModel.MOSCOW).toInstant();
        moments = new Instant[MONTHS];
        for (int month = 0; month < MONTHS; month++) {
            moments[month] = start.plus(Duration.ofDays(30L * month));
        }
        ids = new String[APARTMENTS];
        for (int i = 0; i < APARTMENTS; i++) {
            ids[i] = "5000%04d".formatted(i) + "D3103004";
        }
    }

    /** One operation is one reading (heat or cold water of one apartment at one moment). */
    @Benchmark
    @OperationsPerInvocation(APARTMENTS * MONTHS * 2)
    public void fourYearsOfMonthlyReadings(Blackhole sink) {
        ConsumptionModel model = new ConsumptionModel(21);
        for (String id : ids) {
            Household h = model.household(id);
            for (Instant t : moments) {
                sink.consume(h.cumulative(Channel.HEAT_ENERGY, t));
                sink.consume(h.cumulative(Channel.COLD_WATER, t));
            }
        }
    }
}
