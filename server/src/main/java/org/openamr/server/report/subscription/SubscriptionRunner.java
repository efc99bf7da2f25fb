package org.openamr.server.report.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openamr.server.channel.InstanceName;
import org.openamr.server.mail.SmtpServer;
import org.openamr.server.report.ReportFile;
import org.openamr.server.report.ReportPeriod;
import org.openamr.server.report.ReportRequest;
import org.openamr.server.report.ReportTexts;
import org.openamr.server.report.Reports;
import org.openamr.server.report.format.RenderOptions;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.Tokens;
import org.openamr.server.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Sends scheduled reports. Every tick, on every instance: each enabled subscription whose next cron slot has come
 * gets one run (created once per slot whichever instance gets there first; slots missed while no server ran are
 * made up by one run), then due runs are claimed one at a time and sent. A run that fails for the SMTP server
 * (down, refusing) is tried again after 1, 4, 16 … times {@code retry-after}, up to {@code max-attempts}, its error
 * kept in the history; a run whose report cannot be made (its scope gone, the owner's rights changed) fails at once
 * with the reason. Nothing is sent while mail is not configured.
 */
@Component
public class SubscriptionRunner {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRunner.class);
    static final String DOWNLOAD_PATH = "/reports/download/";
    private static final Duration STALE = Duration.ofMinutes(15);
    private static final int RUNS_PER_TICK = 20;

    private final SubscriptionRepository repository;
    private final Reports reports;
    private final ReportMailer mailer;
    private final UserAccounts users;
    private final ReportTexts texts;
    private final ReportsProperties properties;
    private final InstanceName instance;

    SubscriptionRunner(SubscriptionRepository repository, Reports reports, ReportMailer mailer, UserAccounts users,
            ReportTexts texts, ReportsProperties properties, InstanceName instance) {
        this.repository = repository;
        this.reports = reports;
        this.mailer = mailer;
        this.users = users;
        this.texts = texts;
        this.properties = properties;
        this.instance = instance;
    }

    @Scheduled(fixedDelayString = "${openamr.reports.tick:30s}", initialDelayString = "${openamr.reports.tick:30s}")
    public void tick() {
        if (!mailer.enabled()) {
            return;
        }
        try {
            Instant now = repository.databaseNow();
            for (Subscription s : repository.enabled()) {
                latestSlot(s, now).ifPresent(slot -> {
                    if (repository.createScheduledRun(s, slot)) {
                        log.info("report subscription {} due at {}", s.publicId(), slot);
                    }
                });
            }
            repository.recoverStale(STALE);
            for (int i = 0; i < RUNS_PER_TICK; i++) {
                Optional<ReportRun> run = repository.claim(instance.value());
                if (run.isEmpty()) {
                    break;
                }
                send(run.get());
            }
            repository.deleteExpiredDownloads();
        } catch (RuntimeException e) {
            log.warn("report schedule tick failed: {}", e.toString());
        }
    }

    /** The latest cron slot after the last one run that has come, if any. */
    static Optional<Instant> latestSlot(Subscription s, Instant now) {
        CronExpression cron;
        try {
            cron = CronExpression.parse(s.cron());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ZonedDateTime next = cron.next(s.lastSlotAt().atZone(s.zone()));
        Instant found = null;
        while (next != null && !next.toInstant().isAfter(now)) {
            found = next.toInstant();
            next = cron.next(next);
        }
        return Optional.ofNullable(found);
    }

    private void send(ReportRun run) {
        Optional<Subscription> found = repository.byId(run.subscriptionId());
        if (found.isEmpty()) {
            return;
        }
        Subscription s = found.get();
        List<ReportFile> files;
        ReportPeriod period;
        try {
            OpenAmrUser owner = users.byId(s.ownerId()).filter(OpenAmrUser::isEnabled)
                    .orElseThrow(() -> new IllegalStateException("the owner's account is disabled or gone"));
            LocalDate today = run.slotAt().atZone(s.zone()).toLocalDate();
            period = s.periodRule().period(today, s.lastDays());
            ReportRequest request = new ReportRequest(s.kind(), s.scope(), period, s.heatUnit(), s.locale());
            files = new ArrayList<>();
            for (ReportFormat f : s.formats()) {
                files.add(reports.make(request, f, RenderOptions.DEFAULT, owner.scope()));
            }
        } catch (RuntimeException e) {
            repository.failed(run.id(), "the report could not be made: " + e.getMessage());
            log.warn("report subscription {}: the report could not be made: {}", s.publicId(), e.getMessage());
            return;
        }
        try {
            String zipName = files.get(0).fileName().replaceFirst("\\.[a-z]+$", "") + ".zip";
            ReportMailer.Attachment packed = mailer.pack(files, zipName);
            String link = null;
            Instant expires = null;
            if (packed != null && packed.byLink()) {
                String token = Tokens.newToken("oamr_rep_");
                expires = Instant.now().plus(properties.linkValidity());
                repository.storeDownload(Tokens.hash(token), run.id(), packed.fileName(), packed.mediaType(),
                        packed.content(), expires);
                link = properties.publicUrl().replaceAll("/+$", "") + DOWNLOAD_PATH + token;
            }
            String subject = texts.say(s.locale(), "mail.subject", s.name(), period(period, s));
            String body = body(s, period, files, link, expires);
            mailer.send(s.recipients(), subject, body, files, packed, link, expires);
            repository.sent(run.id(), delivered(files, packed, expires));
            log.info("report subscription {} sent to {} recipients", s.publicId(), s.recipients().size());
        } catch (MailException | IllegalStateException e) {
            String error = SmtpServer.describe(e);
            if (run.attempts() >= properties.maxAttempts()) {
                repository.failed(run.id(), error);
                log.warn("report subscription {}: sending failed for good after {} tries: {}", s.publicId(),
                        run.attempts(), error);
            } else {
                Duration wait = properties.retryAfter().multipliedBy(1L << (2 * (run.attempts() - 1)));
                repository.retry(run.id(), error, Instant.now().plus(wait));
                log.warn("report subscription {}: sending failed (try {} of {}), again in {}: {}", s.publicId(),
                        run.attempts(), properties.maxAttempts(), wait, error);
            }
        }
    }

    private String period(ReportPeriod p, Subscription s) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        return texts.say(s.locale(), "period", day.format(p.from()), day.format(p.lastDay()));
    }

    private String body(Subscription s, ReportPeriod p, List<ReportFile> files, String link, Instant expires) {
        StringBuilder b = new StringBuilder(texts.say(s.locale(), "mail.body", s.name(), period(p, s)));
        b.append("\n\n");
        for (ReportFile f : files) {
            b.append("• ").append(f.fileName()).append('\n');
        }
        if (link != null) {
            b.append('\n').append(texts.say(s.locale(), "mail.link",
                    DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").format(expires.atZone(s.zone())))).append('\n')
                    .append(link).append('\n');
        }
        b.append('\n').append(texts.say(s.locale(), "mail.footer", s.ownerName()));
        return b.toString();
    }

    private static String delivered(List<ReportFile> files, ReportMailer.Attachment packed, Instant expires) {
        if (packed != null && packed.byLink()) {
            return packed.fileName() + " (" + packed.content().length + " B) by link until " + expires;
        }
        if (packed != null) {
            return packed.fileName() + " (" + packed.content().length + " B)";
        }
        return String.join(", ", files.stream().map(f -> f.fileName() + " (" + f.content().length + " B)").toList());
    }
}
