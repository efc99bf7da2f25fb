package org.openamr.server.report.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code openamr.reports.*}: how scheduled reports are delivered.
 *
 * @param zipAbove      several files larger than this together go as one ZIP attachment
 * @param maxAttachment an attachment larger than this (after zipping) is not mailed: the mail carries a link
 * @param linkValidity  how long such a link works
 * @param publicUrl     the server's address as recipients reach it, for those links
 * @param maxAttempts   tries of a run before it is FAILED (the SMTP server down or refusing)
 * @param retryAfter    the wait after the first failed try; it quadruples with each further one
 */
@ConfigurationProperties("openamr.reports")
public record ReportsProperties(
        @DefaultValue Mail mail,
        @DefaultValue("2MB") DataSize zipAbove,
        @DefaultValue("10MB") DataSize maxAttachment,
        @DefaultValue("7d") Duration linkValidity,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryAfter) {

    /** The SMTP server. */
    public enum Security { NONE, STARTTLS, TLS }

    /**
     * {@code openamr.reports.mail.*}: off unless enabled, so that a server nobody configured never mails anyone.
     *
     * @param from the sender's address
     */
    public record Mail(
            @DefaultValue("false") boolean enabled,
            String host,
            @DefaultValue("587") int port,
            @DefaultValue("STARTTLS") Security security,
            String username,
            String password,
            @DefaultValue("openamr@localhost") String from,
            @DefaultValue("30s") Duration timeout) {

        /** Never the password: configuration is logged and shown to administrators. */
        @Override
        public String toString() {
            return "Mail[enabled=" + enabled + ", host=" + host + ", port=" + port + ", security=" + security
                    + ", username=" + username + ", from=" + from + "]";
        }
    }
}
