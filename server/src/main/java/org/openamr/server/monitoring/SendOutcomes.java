package org.openamr.server.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One counter of something the server sends and tries again (a scheduled report, an alarm notification), by what
 * became of each try: {@code sent}, {@code retry} (failed, tried again later) or {@code failed} (given up).
 */
public final class SendOutcomes {

    private final Counter sent;
    private final Counter retry;
    private final Counter failed;

    public SendOutcomes(MeterRegistry registry, String name, String description) {
        this.sent = counter(registry, name, description, "sent");
        this.retry = counter(registry, name, description, "retry");
        this.failed = counter(registry, name, description, "failed");
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String outcome) {
        return Counter.builder(name).tag("outcome", outcome).description(description).register(registry);
    }

    public void sent() {
        sent.increment();
    }

    public void retry() {
        retry.increment();
    }

    public void failed() {
        failed.increment();
    }
}
