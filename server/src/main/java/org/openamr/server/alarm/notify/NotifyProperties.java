package org.openamr.server.alarm.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openamr.alarms.notify.*}: how alarm notifications are dispatched. E-mail goes through the reports' SMTP
 * server ({@code openamr.reports.mail.*}), links point at {@code openamr.reports.public-url}.
 *
 * @param enabled        whether this instance makes and sends messages (several instances may: each message once)
 * @param tick           how often new alarm changes and due messages are looked for
 * @param maxAttempts    tries of a message before it is FAILED
 * @param retryAfter     the wait after the first failed try; it quadruples with each further one
 * @param webhookTimeout how long a webhook may take to accept a connection, and then to answer
 * @param keepHistory    how long sent and failed messages stay in the history
 */
@ConfigurationProperties("openamr.alarms.notify")
public record NotifyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration tick,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryAfter,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("90d") Duration keepHistory) {

    public NotifyProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("openamr.alarms.notify.max-attempts must be at least 1, was "
                    + maxAttempts);
        }
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("openamr.alarms.notify.tick must be positive, was " + tick);
        }
    }
}
