package org.openamr.collector.output.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.openamr.collector.delivery.Batch;
import org.openamr.collector.delivery.DeliveryException;
import org.openamr.collector.delivery.DeliveryException.Kind;
import org.openamr.collector.delivery.Output;
import org.openamr.collector.output.csv.CsvDestination;
import org.openamr.collector.output.csv.ReadingsCsv;
import org.openamr.collector.output.tls.PinnedCertificate;

/**
 * Mails each batch as a CSV attachment ({@link ReadingsCsv}, the same bytes and name as the file outputs') over
 * SMTP, plain, with STARTTLS or over TLS. Delivered once the server answered 250 to the end of the message; 4xx
 * answers (greylisting, mailbox busy, 421) are retryable, 5xx (bad credentials, unknown recipient, message too
 * large) refused, each with the server's answer. A batch sent again after a lost 250 makes a second mail with the
 * same attachment name and the same Message-ID ({@code <collector.output.sequence@sender's domain>}): a mailbox
 * cannot replace a message, but a reader (or a mailbox that drops duplicates) can tell it is the same batch.
 */
public final class MailOutput implements Output {

    /** How the SMTP connection is secured. */
    public enum Security {
        NONE,
        /** STARTTLS required (the submission port 587): a server that does not offer it is refused. */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        TLS;

        /** As the configuration writes it, in any case: {@code explicit} is {@code EXPLICIT}. */
        @JsonCreator
        public static Security of(String text) {
            for (Security s : values()) {
                if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return s;
                }
            }
            throw new IllegalArgumentException("security '" + text + "' is not NONE, STARTTLS or TLS");
        }
    }

    /**
     * @param host           the SMTP server
     * @param port           default 25, 587 with {@code STARTTLS}, 465 with {@code TLS}
     * @param security       {@code NONE} (default), {@code STARTTLS} or {@code TLS}
     * @param user           login name; without it no login is attempted
     * @param password       login password
     * @param from           sender address
     * @param to             one or more recipient addresses
     * @param subjectPrefix  the subject's start, default {@code OpenAMR}; the collector and the readings' period follow
     * @param certificateFingerprint STARTTLS and TLS only: the SHA-256 of the server's certificate (hex, colons
     *                       allowed); when given, exactly that certificate is trusted (a self-signed one works),
     *                       otherwise the JVM's trusted authorities and the host name decide
     * @param timeoutSeconds for connecting and each answer, default 30
     * @param zone           time zone of the CSV's times, the file name and the subject, default {@code UTC}
     */
    public record Settings(String host, Integer port, Security security, String user, String password, String from,
                           List<String> to, String subjectPrefix, String certificateFingerprint,
                           Integer timeoutSeconds, String zone) {

        public Settings {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("mail output: host is missing");
            }
            security = security == null ? Security.NONE : security;
            port = port == null ? defaultPort(security) : port;
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("mail output: port " + port + " is not between 1 and 65535");
            }
            address("from", from);
            if (to == null || to.isEmpty()) {
                throw new IllegalArgumentException("mail output: 'to' names no recipient");
            }
            to = List.copyOf(to);
            for (String recipient : to) {
                address("to", recipient);
            }
            subjectPrefix = subjectPrefix == null ? "OpenAMR" : subjectPrefix;
            if (certificateFingerprint != null) {
                if (security == Security.NONE) {
                    throw new IllegalArgumentException("mail output: certificateFingerprint needs security STARTTLS or TLS");
                }
                PinnedCertificate.of(certificateFingerprint, "mail output: certificateFingerprint");
            }
            timeoutSeconds = CsvDestination.timeoutSeconds(timeoutSeconds, "mail output");
            zone = CsvDestination.zone(zone);
        }

        private static int defaultPort(Security security) {
            switch (security) {
                case STARTTLS:
                    return 587;
                case TLS:
                    return 465;
                default:
                    return 25;
            }
        }
    }

    private final CsvDestination files;
    private final Settings settings;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final PinnedCertificate pinned;

    public MailOutput(String name, String collectorId, Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.files = new CsvDestination(name, collectorId, ZoneId.of(settings.zone()));
        this.from = address("from", settings.from());
        List<InternetAddress> recipients = new ArrayList<>();
        for (String recipient : settings.to()) {
            recipients.add(address("to", recipient));
        }
        this.to = recipients.toArray(new InternetAddress[0]);
        this.pinned = settings.certificateFingerprint() == null ? null
                : PinnedCertificate.of(settings.certificateFingerprint(), "mail output: certificateFingerprint");
    }

    @Override
    public String name() {
        return files.output();
    }

    /** The subject: prefix, collector and the period the readings cover, e.g. {@code OpenAMR lenina-12: readings 2026-12-05 00:00 – 2026-12-05 23:45}. */
    public String subject(Batch batch) {
        return settings.subjectPrefix() + " " + batch.collector() + ": readings " + ReadingsCsv.period(batch, files.zone());
    }

    @Override
    public void deliver(Batch batch) throws DeliveryException {
        files.requireOwn(batch);
        String where = settings.host() + ":" + settings.port();
        Session session = Session.getInstance(properties());
        Transport transport = null;
        try {
            MimeMessage message = message(session, batch);
            transport = session.getTransport(settings.security() == Security.TLS ? "smtps" : "smtp");
            if (settings.user() != null && !settings.user().isBlank()) {
                transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            } else {
                transport.connect(settings.host(), settings.port(), null, null);
            }
            transport.sendMessage(message, message.getAllRecipients());
            int code = ((SMTPTransport) transport).getLastReturnCode();
            if (code != 250) {
                throw new DeliveryException(code >= 400 && code < 500 ? Kind.RETRYABLE : Kind.REFUSED,
                        "SMTP " + where + " answered " + ((SMTPTransport) transport).getLastServerResponse().strip());
            }
        } catch (MessagingException e) {
            throw failure(where, e, transport);
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the 250 was received or the failure is already reported; QUIT adds nothing
                }
            }
        }
    }

    private MimeMessage message(Session session, Batch batch) throws MessagingException {
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        String messageId = "<" + batch.collector() + "." + files.output() + "." + batch.sequence() + "@" + domain + ">";
        MimeMessage message = new MimeMessage(session) {
            /** The same batch keeps its Message-ID, so that a mailbox or reader can tell a repeat from new data. */
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(subject(batch), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        int values = batch.readouts().stream().mapToInt(r -> r.values().size()).sum();
        text.setText("Collector " + batch.collector() + ", output " + files.output() + ", batch " + batch.sequence() + ": "
                + batch.readouts().size() + " readouts, " + values + " values, read " + ReadingsCsv.period(batch, files.zone())
                + " (" + files.zone().getId() + ").\r\nThe values are in the attached CSV file (UTF-8, ';'-separated).\r\n",
                "UTF-8");
        MimeBodyPart csv = new MimeBodyPart();
        csv.setDataHandler(new DataHandler(new ByteArrayDataSource(files.csv(batch), "text/csv; charset=UTF-8")));
        csv.setFileName(files.fileName(batch));
        MimeMultipart parts = new MimeMultipart();
        parts.addBodyPart(text);
        parts.addBodyPart(csv);
        message.setContent(parts);
        message.saveChanges();
        return message;
    }

    private Properties properties() {
        String timeout = Integer.toString(settings.timeoutSeconds() * 1000);
        Properties p = new Properties();
        for (String protocol : List.of("smtp", "smtps")) {
            p.setProperty("mail." + protocol + ".host", settings.host());
            p.setProperty("mail." + protocol + ".port", Integer.toString(settings.port()));
            p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
            p.setProperty("mail." + protocol + ".timeout", timeout);
            p.setProperty("mail." + protocol + ".writetimeout", timeout);
            p.setProperty("mail." + protocol + ".auth", Boolean.toString(settings.user() != null && !settings.user().isBlank()));
            // the exception then names every refused recipient with the server's answer
            p.setProperty("mail." + protocol + ".reportsuccess", "false");
            if (pinned != null) {
                // the hash names the one certificate: no authority and no host name to check
                p.put("mail." + protocol + ".ssl.socketFactory", pinned.socketFactory());
                p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "false");
            } else {
                p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            }
        }
        if (settings.security() == Security.STARTTLS) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    /** Finds the SMTP answer in the exception chain: 4xx retryable, 5xx refused, no answer (network) retryable. */
    private static DeliveryException failure(String where, MessagingException e, Transport transport) {
        Integer code = null;
        String answer = null;
        for (Exception x = e; x != null; x = next(x)) {
            if (x instanceof SMTPSendFailedException) {
                code = ((SMTPSendFailedException) x).getReturnCode();
                answer = x.getMessage();
            } else if (x instanceof SMTPAddressFailedException) {
                code = ((SMTPAddressFailedException) x).getReturnCode();
                answer = x.getMessage() + " (" + ((SMTPAddressFailedException) x).getAddress() + ")";
                break;
            } else if (x instanceof SMTPSenderFailedException) {
                code = ((SMTPSenderFailedException) x).getReturnCode();
                answer = x.getMessage() + " (" + ((SMTPSenderFailedException) x).getAddress() + ")";
                break;
            }
        }
        if (code == null && transport instanceof SMTPTransport) {
            int last = ((SMTPTransport) transport).getLastReturnCode();
            String response = ((SMTPTransport) transport).getLastServerResponse();
            if (last >= 400 && response != null) {
                code = last;
                answer = response;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return new DeliveryException(Kind.REFUSED, "SMTP " + where + ": TLS handshake failed (certificate not "
                        + "trusted or no common protocol): " + t.getMessage(), e);
            }
        }
        if (code == null && String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
            // a server that does not offer STARTTLS will not start to on the next attempt; never fall back to clear text
            return new DeliveryException(Kind.REFUSED, "SMTP " + where + " does not offer STARTTLS, which the "
                    + "settings require: " + e.getMessage(), e);
        }
        if (code == null && e instanceof AuthenticationFailedException) {
            return new DeliveryException(Kind.REFUSED, "SMTP " + where + " refused the login: " + e.getMessage(), e);
        }
        if (code == null) {
            String cause = e.getCause() instanceof IOException ? e.getCause().toString() : e.getMessage();
            return new DeliveryException(Kind.RETRYABLE, "SMTP " + where + ": " + cause, e);
        }
        Kind kind = code >= 400 && code < 500 ? Kind.RETRYABLE : Kind.REFUSED;
        return new DeliveryException(kind, "SMTP " + where + " answered " + answer.strip(), e);
    }

    private static Exception next(Exception x) {
        if (x instanceof MessagingException && ((MessagingException) x).getNextException() != null) {
            return ((MessagingException) x).getNextException();
        }
        return x.getCause() instanceof Exception && x.getCause() != x ? (Exception) x.getCause() : null;
    }

    private static InternetAddress address(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("mail output: '" + field + "' address is missing");
        }
        try {
            InternetAddress address = new InternetAddress(text, true);
            address.validate();
            if (!address.getAddress().contains("@")) {
                throw new AddressException("no domain", text);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException("mail output: '" + field + "' address '" + text + "' is not valid: "
                    + e.getMessage().toLowerCase(Locale.ROOT));
        }
    }
}
