package org.openamr.server.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openamr.reports.mail.*}: the SMTP server that scheduled reports and alarm notifications are mailed through.
 * Off unless enabled, so that a server nobody configured never mails anyone. The prefix stays the reports' one, where
 * it was first documented, so that existing configurations keep working.
 *
 * @param from the sender's address
 */
@ConfigurationProperties("openamr.reports.mail")
public record MailSettings(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("587") int port,
        @DefaultValue("STARTTLS") Security security,
        String username,
        String password,
        @DefaultValue("openamr@localhost") String from,
        @DefaultValue("30s") Duration timeout) {

    /** How the connection to the SMTP server is protected. */
    public enum Security { NONE, STARTTLS, TLS }

    /** Never the password: configuration is logged and shown to administrators. */
    @Override
    public String toString() {
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", security=" + security
                + ", username=" + username + ", from=" + from + "]";
    }
}
