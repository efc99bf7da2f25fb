package org.openamr.server.report.subscription;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openamr.server.mail.SmtpServer;
import org.openamr.server.report.ReportFile;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a run's files through the server's {@link SmtpServer}: as attachments, zipped into one when several
 * exceed {@code zip-above}, or, when even that exceeds {@code max-attachment}, as a link to download them that works
 * for {@code link-validity}. A failure is a Spring {@link org.springframework.mail.MailException} carrying the SMTP
 * server's answer, which the run's history shows.
 */
@Component
class ReportMailer {

    /** What was sent, for the run's history. */
    record Delivery(String description, Attachment attachment) {
    }

    /** One file to attach, or to offer by link when {@code byLink}. */
    record Attachment(String fileName, String mediaType, byte[] content, boolean byLink) {
    }

    private final ReportsProperties properties;
    private final SmtpServer smtp;

    ReportMailer(ReportsProperties properties, SmtpServer smtp) {
        this.properties = properties;
        this.smtp = smtp;
    }

    boolean enabled() {
        return smtp.enabled();
    }

    /** The one file a mail carries: the file itself, or all of them zipped. */
    Attachment pack(List<ReportFile> files, String zipName) {
        long total = files.stream().mapToLong(f -> f.content().length).sum();
        Attachment a;
        if (files.size() == 1) {
            ReportFile f = files.get(0);
            a = new Attachment(f.fileName(), f.mediaType(), f.content(), false);
        } else if (total > properties.zipAbove().toBytes() || total > properties.maxAttachment().toBytes()) {
            // files too large together to attach go by one link, zipped, even when they are below zip-above
            a = new Attachment(zipName, "application/zip", zip(files), false);
        } else {
            return null;
        }
        return a.content().length > properties.maxAttachment().toBytes()
                ? new Attachment(a.fileName(), a.mediaType(), a.content(), true) : a;
    }

    /**
     * @param files    attached one by one when {@code packed} is null
     * @param packed   the single attachment (or the file behind {@code link}) from {@link #pack}
     * @param link     the download address when {@code packed.byLink()}
     */
    void send(List<String> to, String subject, String body, List<ReportFile> files, Attachment packed, String link,
            Instant linkExpires) {
        try {
            MimeMessage message = smtp.sender().createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            m.setFrom(smtp.from());
            m.setTo(to.toArray(String[]::new));
            m.setSubject(subject);
            m.setText(body);
            if (packed == null) {
                for (ReportFile f : files) {
                    m.addAttachment(f.fileName(), new ByteArrayResource(f.content()), f.mediaType());
                }
            } else if (!packed.byLink()) {
                m.addAttachment(packed.fileName(), new ByteArrayResource(packed.content()), packed.mediaType());
            }
            smtp.sender().send(message);
        } catch (MessagingException e) {
            throw new MailPreparationException("the message could not be made: " + e.getMessage(), e);
        }
    }

    static byte[] zip(List<ReportFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (ReportFile f : files) {
                zip.putNextEntry(new ZipEntry(f.fileName()));
                zip.write(f.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
