package org.openamr.server.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of acquisition from the server ({@code openamr.polling.*}).
 *
 * @param enabled        whether this instance runs channel schedules; read-now and searches work either way
 * @param tick           how often schedules are checked for due channels
 * @param threads        channels worked on at once by this instance; a slow bus holds one thread, not all
 * @param lockAtMostFor  how long a channel's lock outlives an instance that died holding it; while the
 *                       instance lives, the lock is extended before it runs out, however long the run
 * @param lockAtLeastFor how long a channel stays locked after a short run
 * @param busyWait       how long a read-now or search waits for a channel another run holds
 * @param instance       this instance's name in runs, jobs and locks; blank: host, process and a random part
 */
@ConfigurationProperties("openamr.polling")
public record PollingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration tick,
        @DefaultValue("4") int threads,
        @DefaultValue("2m") Duration lockAtMostFor,
        @DefaultValue("0s") Duration lockAtLeastFor,
        @DefaultValue("10m") Duration busyWait,
        @DefaultValue("") String instance) {

    public PollingProperties {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("openamr.polling.threads must be 1–256, was " + threads);
        }
        // ShedLock's keep-alive extends only locks of at least 30 s
        if (lockAtMostFor.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("openamr.polling.lock-at-most-for must be at least 30s, was "
                    + lockAtMostFor);
        }
        if (lockAtLeastFor.isNegative() || lockAtLeastFor.compareTo(lockAtMostFor) > 0) {
            throw new IllegalArgumentException("openamr.polling.lock-at-least-for must be 0 to lock-at-most-for");
        }
        if (tick.isNegative() || tick.isZero() || busyWait.isNegative()) {
            throw new IllegalArgumentException("openamr.polling.tick must be positive and busy-wait not negative");
        }
    }
}
