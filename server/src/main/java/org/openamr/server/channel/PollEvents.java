package org.openamr.server.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * What a poll tells the outside while {@link PollService} does it: its metrics, by channel kind — polls started,
 * succeeded (every meter read, or some) and failed (none read, or the run broke off), and its meters read, silent
 * and failed — and its log: one line per poll, and one per meter that was tried and not read. While a poll runs, its
 * channel and run are in the log context ({@code channel}, {@code run}), so every line it causes carries them.
 */
@Component
class PollEvents {

    static final String STARTED = "openamr.polls.started";
    static final String SUCCEEDED = "openamr.polls.succeeded";
    static final String FAILED = "openamr.polls.failed";
    static final String METERS = "openamr.poll.meters";
    private static final Logger log = LoggerFactory.getLogger(PollEvents.class);

    private final MeterRegistry registry;
    private final AcquisitionTexts texts;

    PollEvents(MeterRegistry registry, AcquisitionTexts texts) {
        this.registry = registry;
        this.texts = texts;
        // every series from the start, so that a dashboard shows 0 rather than nothing for a kind not polled yet
        for (ChannelKind kind : ChannelKind.values()) {
            if (kind.polled()) {
                started(kind);
                failed(kind);
                succeeded(kind, RunStatus.OK);
                succeeded(kind, RunStatus.PARTIAL);
                for (OutcomeResult outcome : OutcomeResult.values()) {
                    meters(kind, outcome);
                }
            }
        }
    }

    /** A poll of the channel has begun as run {@code runId}; until it is closed, this thread's log names both. */
    Poll started(Channel channel, long runId, Trigger trigger) {
        started(channel.kind()).increment();
        MDC.put("channel", channel.publicId().toString());
        MDC.put("run", Long.toString(runId));
        return new Poll(channel, runId, trigger);
    }

    /** A poll in progress; closing it takes its channel and run out of the log context. */
    final class Poll implements AutoCloseable {

        private final Channel channel;
        private final long runId;
        private final Trigger trigger;

        private Poll(Channel channel, long runId, Trigger trigger) {
            this.channel = channel;
            this.runId = runId;
            this.trigger = trigger;
        }

        /** The poll ended with {@code result}: counted and logged, each meter not read on a line of its own. */
        RunResult finished(RunResult result, List<RegisteredMeter> meters, List<MeterOutcome> outcomes) {
            ChannelKind kind = channel.kind();
            long silent = outcomes.stream().filter(o -> o.result() == OutcomeResult.SILENT).count();
            if (result.status() == RunStatus.FAILED) {
                failed(kind).increment();
            } else {
                succeeded(kind, result.status()).increment();
            }
            // a run whose readings could not be stored read nothing: its result says so, its outcomes do not
            meters(kind, OutcomeResult.READ).increment(result.metersRead());
            meters(kind, OutcomeResult.SILENT).increment(silent);
            meters(kind, OutcomeResult.ERROR).increment(result.metersFailed() - silent);
            log.info("poll run {} of channel {} ({}, {}): {}, {} of {} meters read, {} silent, {} failed,"
                    + " {} readings new{}", runId, channel.publicId(), kind, trigger.name().toLowerCase(Locale.ROOT), result.status(),
                    result.metersRead(), result.metersTotal(), silent, result.metersFailed() - silent,
                    result.readingsInserted(), result.message() == null ? "" : ": " + texts.english(result.message()));
            Map<Long, RegisteredMeter> byId = meters.stream()
                    .collect(Collectors.toMap(RegisteredMeter::id, Function.identity(), (a, b) -> a));
            for (MeterOutcome o : outcomes) {
                // meters not tried because the channel had failed: the poll's line says why, once
                if (o.result() != OutcomeResult.READ && o.error().kind() != Text.Kind.OUTCOME_NOT_READ) {
                    RegisteredMeter m = byId.get(o.meterId());
                    try (MDC.MDCCloseable meter = MDC.putCloseable("meter", m == null ? "?" : m.serial())) {
                        log.info("meter {} on channel {} (run {}, {}): {}: {}", m == null ? o.meterId() : m.describe(),
                                channel.publicId(), runId, o.addressedBy(), o.result() == OutcomeResult.SILENT
                                        ? "silent" : "failed", texts.english(o.error()));
                    }
                }
            }
            return result;
        }

        /** The poll broke off with an exception, which its caller logs. */
        void brokeOff() {
            failed(channel.kind()).increment();
        }

        @Override
        public void close() {
            MDC.remove("channel");
            MDC.remove("run");
        }
    }

    private Counter started(ChannelKind kind) {
        return Counter.builder(STARTED).tag("kind", kind.name()).description("Polls begun, by channel kind")
                .register(registry);
    }

    private Counter succeeded(ChannelKind kind, RunStatus status) {
        return Counter.builder(SUCCEEDED).tag("kind", kind.name()).tag("status", status.name().toLowerCase(Locale.ROOT))
                .description("Polls that read every meter (ok) or some (partial), by channel kind")
                .register(registry);
    }

    private Counter failed(ChannelKind kind) {
        return Counter.builder(FAILED).tag("kind", kind.name())
                .description("Polls that read no meter or broke off, by channel kind").register(registry);
    }

    private Counter meters(ChannelKind kind, OutcomeResult outcome) {
        return Counter.builder(METERS).tag("kind", kind.name())
                .tag("outcome", outcome == OutcomeResult.ERROR ? "failed" : outcome.name().toLowerCase(Locale.ROOT))
                .description("Meters polled, by channel kind and outcome: read, silent (no reply) or failed")
                .register(registry);
    }
}
