package org.openamr.server.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every push by what the concentrator was answered, whatever answered it — the endpoint, its refusals, or
 * the database being gone (503): pushes received and rejected (with the reason's class) per concentrator channel,
 * the value parts rejected inside accepted pushes, and the time from a push's arrival to its answer. While a push is
 * handled, its channel is in the log context ({@code channel}).
 */
@Component
class PushMetrics implements HandlerInterceptor {

    static final String RECEIVED = "openamr.pushes.received";
    static final String REJECTED = "openamr.pushes.rejected";
    static final String PARTS_REJECTED = "openamr.push.parts.rejected";
    static final String LATENCY = "openamr.ingest";
    /** The channel of a push whose token was not recognised. */
    static final String UNKNOWN = "unknown";
    private static final String STARTED = PushMetrics.class.getName() + ".STARTED";
    private static final String CHANNEL = PushMetrics.class.getName() + ".CHANNEL";

    private final MeterRegistry registry;

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The push's concentrator is known (its token was accepted): the counts and the log name its channel. */
    static void identified(HttpServletRequest request, Concentrator concentrator) {
        request.setAttribute(CHANNEL, concentrator.publicId().toString());
        MDC.put("channel", concentrator.publicId().toString());
    }

    /** The concentrator's channel, or {@link #UNKNOWN} before its token was accepted. */
    static String channel(HttpServletRequest request) {
        Object channel = request.getAttribute(CHANNEL);
        return channel == null ? UNKNOWN : channel.toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(STARTED, System.nanoTime());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        try {
            String channel = channel(request);
            Counter.builder(RECEIVED).tag("channel", channel).description("Pushes received, by concentrator channel")
                    .register(registry).increment();
            int status = failure != null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            if (status >= 300) {
                Counter.builder(REJECTED).tag("channel", channel).tag("reason", reason(status))
                        .description("Pushes refused as a whole, by concentrator channel and the reason's class")
                        .register(registry).increment();
                return;
            }
            Object started = request.getAttribute(STARTED);
            if (started instanceof Long t) {
                Timer.builder(LATENCY).tag("format", format(request))
                        .description("Time from a push's arrival to its answer, for pushes accepted")
                        .register(registry).record(Duration.ofNanos(System.nanoTime() - t));
            }
        } finally {
            MDC.remove("channel");
        }
    }

    /** Parts of an accepted push that were not stored: invalid ones, and values conflicting with stored ones. */
    void partsRejected(Concentrator concentrator, PushReport report) {
        String channel = concentrator.publicId().toString();
        if (report.rejected() > 0) {
            parts(channel, "invalid").increment(report.rejected());
        }
        if (report.readingsConflicting() > 0) {
            parts(channel, "conflict").increment(report.readingsConflicting());
        }
    }

    private Counter parts(String channel, String kind) {
        return Counter.builder(PARTS_REJECTED).tag("channel", channel).tag("kind", kind)
                .description("Parts of accepted pushes not stored, by concentrator channel: invalid or conflicting")
                .register(registry);
    }

    /** The class of a refusal, from its status: what a dashboard groups by, without the message's detail. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "bad_document";
            case 401 -> "unauthorized";
            case 403 -> "channel_disabled";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 503 -> "database_unavailable";
            default -> status >= 500 ? "server_error" : "other";
        };
    }

    /** {@code /ingest/v1/readouts} → {@code readouts}. */
    private static String format(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
