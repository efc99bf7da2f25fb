package org.openamr.server.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The one SMTP sender of the server, built from {@link MailSettings}: reports and alarm notifications both send
 * through it, so that the connection, its timeouts and its security are set up in one place.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class SmtpServer {

    private final MailSettings settings;
    private final JavaMailSenderImpl sender;

    public SmtpServer(MailSettings settings) {
        this.settings = settings;
        this.sender = sender(settings);
    }

    /** Whether mail may be sent at all; without it messages are kept or dropped by their callers, never sent. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The sender's address. */
    public String from() {
        return settings.from();
    }

    public JavaMailSender sender() {
        return sender;
    }

    /**
     * A mail failure in words, for a delivery's history: the message with every distinct cause's message after it,
     * which is where the SMTP server's answer or the connection's refusal is; at most 2000 characters.
     */
    public static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable c = e.getCause();
        while (c != null) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append("; ").append(c.getMessage());
            }
            c = c.getCause();
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }

    private static JavaMailSenderImpl sender(MailSettings mail) {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(mail.host());
        s.setPort(mail.port());
        s.setUsername(mail.username());
        s.setPassword(mail.password());
        s.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties p = s.getJavaMailProperties();
        String timeout = Long.toString(mail.timeout().toMillis());
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(mail.username() != null && !mail.username().isBlank()));
        switch (mail.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case TLS -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        return s;
    }
}
