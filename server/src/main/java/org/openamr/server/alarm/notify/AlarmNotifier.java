package org.openamr.server.alarm.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openamr.server.channel.InstanceName;
import org.openamr.server.mail.SmtpServer;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.SecretBox;
import org.openamr.server.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells subscribers of alarm changes. Every tick, on every instance that has it enabled:
 *
 * <ol>
 * <li>each enabled subscription is locked ({@code FOR UPDATE SKIP LOCKED}: another instance making its message
 *     keeps it) and, unless it is in its quiet hours or its digest interval has not passed, the outbox changes since
 *     its cursor that the owner may see and the subscription asks for become one {@link AlarmNotice}: one e-mail and
 *     one webhook body, stored as deliveries, the cursor moved in the same transaction. Deferred changes stay behind
 *     the cursor and go in the next message;</li>
 * <li>due deliveries are claimed one at a time and sent; a failure is retried after 1, 4, 16 … times
 *     {@code retry-after}, up to {@code max-attempts}, every try kept in the history.</li>
 * </ol>
 *
 * It runs on a thread of its own, so that a slow SMTP server or webhook delays nothing else the server schedules
 * (polls, reports, the alarm evaluation), and each subscription and delivery fails alone.
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
public class AlarmNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);
    private static final int DELIVERIES_PER_TICK = 50;
    private static final Duration FORGET_EVERY = Duration.ofHours(1);
    static final String MAIL_OFF = "e-mail is not enabled on this server (openamr.reports.mail.enabled); not sent";

    private final AlarmSubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final UserAccounts users;
    private final NoticeTexts texts;
    private final SmtpServer smtp;
    private final SecretBox secrets;
    private final NotifyProperties properties;
    private final InstanceName instance;
    private final TransactionTemplate transaction;
    private final WebLinks links;
    private final WebhookClient webhook;
    private final Duration lease;
    private volatile ScheduledExecutorService timer;
    private volatile Instant forgotAt = Instant.EPOCH;

    AlarmNotifier(AlarmSubscriptionRepository subscriptions, DeliveryRepository deliveries, UserAccounts users,
            NoticeTexts texts, SmtpServer smtp, SecretBox secrets, NotifyProperties properties, InstanceName instance,
            PlatformTransactionManager transactions,
            @Value("${openamr.reports.public-url:http://localhost:8080}") String publicUrl) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.users = users;
        this.texts = texts;
        this.smtp = smtp;
        this.secrets = secrets;
        this.properties = properties;
        this.instance = instance;
        this.transaction = new TransactionTemplate(transactions);
        this.links = new WebLinks(publicUrl);
        this.webhook = new WebhookClient(properties.webhookTimeout());
        // longer than any try can take (a webhook's connect and answer, an SMTP dialogue), so that a message is taken
        // over only from an instance that died
        Duration longest = properties.webhookTimeout().multipliedBy(2).compareTo(Duration.ofMinutes(2)) > 0
                ? properties.webhookTimeout().multipliedBy(2) : Duration.ofMinutes(2);
        this.lease = longest.plus(Duration.ofMinutes(3));
    }

    /** One round: messages made for new changes, then due messages sent. Public for tests that drive it. */
    public void tick() {
        try {
            makeMessages();
        } catch (RuntimeException e) {
            log.warn("alarm notifications: new changes not read: {}", e.toString());
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("alarm notifications: sending failed: {}", e.toString());
        }
        if (Instant.now().isAfter(forgotAt.plus(FORGET_EVERY))) {
            forgotAt = Instant.now();
            try {
                deliveries.forget(properties.keepHistory());
            } catch (RuntimeException e) {
                log.warn("alarm notifications: old history not removed: {}", e.toString());
            }
        }
    }

    private void makeMessages() {
        long horizon = subscriptions.horizon();
        for (long id : subscriptions.enabledIds()) {
            try {
                transaction.executeWithoutResult(status -> make(id, horizon));
            } catch (RuntimeException e) {
                log.warn("alarm subscription {}: message not made, tried again next tick: {}", id, e.toString());
            }
        }
    }

    /** In a transaction: the subscription's message from its cursor up to the horizon, and the cursor moved. */
    private void make(long id, long horizon) {
        Optional<AlarmSubscriptionRepository.Cursor> locked = subscriptions.lock(id);
        if (locked.isEmpty() || locked.get().handledBelow() >= horizon) {
            return;
        }
        AlarmSubscriptionRepository.Cursor cursor = locked.get();
        AlarmSubscription s = subscriptions.byId(id).orElseThrow();
        Instant now = subscriptions.databaseNow();
        if (s.quietHours() != null && s.quietHours().contains(now.atZone(s.zone()).toLocalTime())) {
            return;
        }
        if (s.digestMinutes() > 0 && cursor.lastMessageAt() != null
                && now.isBefore(cursor.lastMessageAt().plus(Duration.ofMinutes(s.digestMinutes())))) {
            return;
        }
        Optional<OpenAmrUser> owner = users.byId(s.ownerId()).filter(OpenAmrUser::isEnabled);
        List<AlarmChange> changes = owner.isEmpty() ? List.of()
                : subscriptions.changes(s, owner.get().scope(), cursor.handledBelow(), horizon);
        if (changes.isEmpty()) {
            subscriptions.handled(id, horizon, false);
            return;
        }
        AlarmNotice notice = AlarmNotice.of(changes);
        if (!s.recipients().isEmpty()) {
            deliveries.insert(UUID.randomUUID(), id, Delivery.Channel.EMAIL, notice.alarmCount(),
                    texts.subject(s, notice), texts.body(s, notice, links), smtp.enabled() ? null : MAIL_OFF);
        }
        if (s.webhookUrl() != null) {
            UUID delivery = UUID.randomUUID();
            deliveries.insert(delivery, id, Delivery.Channel.WEBHOOK, notice.alarmCount(), null,
                    WebhookBody.json(delivery, s, now, notice, links), null);
        }
        subscriptions.handled(id, horizon, true);
        log.info("alarm subscription {}: a message of {} changes in {} lines", s.publicId(), notice.alarmCount(),
                notice.entries().size());
    }

    private void sendDue() {
        for (int i = 0; i < DELIVERIES_PER_TICK; i++) {
            Optional<Delivery> d = deliveries.claim(lease);
            if (d.isEmpty()) {
                return;
            }
            try {
                send(d.get());
            } catch (RuntimeException e) {
                // e.g. a key sealed under another server key: this message cannot go, the others still may
                deliveries.failed(d.get().id(), d.get().attempts(), null, "not sent: " + problem(e), instance.value());
                log.warn("alarm delivery {}: {}", d.get().publicId(), problem(e));
            }
        }
    }

    private void send(Delivery d) {
        Optional<AlarmSubscription> found = subscriptions.byId(d.subscriptionId());
        if (found.isEmpty()) {
            return;
        }
        AlarmSubscription s = found.get();
        if (d.channel() == Delivery.Channel.EMAIL) {
            if (!smtp.enabled()) {
                deliveries.failed(d.id(), d.attempts(), null, MAIL_OFF, instance.value());
            } else if (s.recipients().isEmpty()) {
                deliveries.failed(d.id(), d.attempts(), null, "the subscription has no e-mail recipients any more",
                        instance.value());
            } else {
                mail(d, s);
            }
            return;
        }
        Optional<byte[]> key = subscriptions.keySealed(s.id());
        if (s.webhookUrl() == null || key.isEmpty()) {
            deliveries.failed(d.id(), d.attempts(), null, "the subscription has no webhook any more",
                    instance.value());
            return;
        }
        byte[] secret = secrets.open(key.get());
        try {
            WebhookClient.Answer a = webhook.post(s.webhookUrl(), secret, d.publicId(), d.body());
            if (a.ok()) {
                deliveries.sent(d.id(), d.attempts(), a.status(), a.body(), instance.value());
            } else {
                failure(d, a.status(), "HTTP " + a.status() + (a.body().isBlank() ? "" : ": " + a.body()));
            }
        } catch (IOException e) {
            failure(d, null, problem(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure(d, null, "interrupted: the server is stopping");
        }
    }

    private void mail(Delivery d, AlarmSubscription s) {
        try {
            MimeMessage message = smtp.sender().createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            m.setFrom(smtp.from());
            m.setTo(s.recipients().toArray(String[]::new));
            m.setSubject(d.subject());
            m.setText(d.body());
            smtp.sender().send(message);
            deliveries.sent(d.id(), d.attempts(), null, null, instance.value());
        } catch (MessagingException | MailException e) {
            failure(d, null, SmtpServer.describe(e));
        }
    }

    private void failure(Delivery d, Integer httpStatus, String error) {
        if (d.attempts() >= properties.maxAttempts()) {
            deliveries.failed(d.id(), d.attempts(), httpStatus, error, instance.value());
            log.warn("alarm delivery {} ({}): failed for good after {} tries: {}", d.publicId(), d.channel(),
                    d.attempts(), error);
            return;
        }
        Duration wait = properties.retryAfter().multipliedBy(1L << (2 * (d.attempts() - 1)));
        deliveries.retry(d.id(), d.attempts(), httpStatus, error, wait, instance.value());
        log.warn("alarm delivery {} ({}): try {} of {} failed, again in {}: {}", d.publicId(), d.channel(),
                d.attempts(), properties.maxAttempts(), wait, error);
    }

    /** A failure in words: its kind (a refused connection often has no message) and every cause's message. */
    static String problem(Throwable e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            b.append(": ").append(e.getMessage());
        }
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String m = c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
            if (!b.toString().contains(m)) {
                b.append("; ").append(m);
            }
        }
        return WebhookClient.truncate(b.toString());
    }

    @Override
    public void start() {
        if (!properties.enabled() || timer != null) {
            return;
        }
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "openamr-alarm-notify");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.tick().toMillis();
        t.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        timer = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(properties.webhookTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
