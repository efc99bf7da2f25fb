package org.openamr.server.report.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code openamr.reports.*}: how scheduled reports are delivered. The SMTP server ({@code openamr.reports.mail.*}) is
 * {@link org.openamr.server.mail.MailSettings}, shared with alarm notifications.
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
        @DefaultValue("2MB") DataSize zipAbove,
        @DefaultValue("10MB") DataSize maxAttachment,
        @DefaultValue("7d") Duration linkValidity,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryAfter) {
}
