package org.openamr.server.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the metrics ({@code openamr.metrics.*}).
 *
 * @param token            a bearer token that may read {@code /actuator/prometheus} and nothing else, for a scraper
 *                         that should not hold an administrator's API token; blank: only administrators' tokens
 * @param tableSizeRefresh how often the size of the readings table is measured
 */
@ConfigurationProperties("openamr.metrics")
public record MetricsProperties(@DefaultValue("") String token, @DefaultValue("1m") Duration tableSizeRefresh) {

    /** Long enough that it cannot be guessed; the API's own tokens carry 256 random bits. */
    static final int MIN_TOKEN_LENGTH = 24;

    public MetricsProperties {
        token = token.strip();
        if (!token.isEmpty() && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("openamr.metrics.token must be at least " + MIN_TOKEN_LENGTH
                    + " characters (it guards the metrics like a password), was " + token.length()
                    + "; e.g. openssl rand -base64 32");
        }
        if (tableSizeRefresh.isNegative() || tableSizeRefresh.isZero()) {
            throw new IllegalArgumentException("openamr.metrics.table-size-refresh must be positive, was "
                    + tableSizeRefresh);
        }
    }

    /** Never the token: a record's words end up in logs. */
    @Override
    public String toString() {
        return "MetricsProperties[token=" + (token.isEmpty() ? "unset" : "set") + ", tableSizeRefresh="
                + tableSizeRefresh + "]";
    }
}
