package org.openamr.server.alarm.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alarm-subscriptions}: alarm notifications by e-mail and webhook. Managers, operators and
 * administrators; each sees their own (an administrator all); residents 403. The webhook's secret is never shown,
 * except once in the answer that made it ({@code webhookSecret}) when the server made it.
 */
@RestController
@Tag(name = "Alarms")
class AlarmSubscriptionController {

    private static final String PATH = "/api/v1/alarm-subscriptions";

    private final AlarmSubscriptionService service;
    private final CurrentUser current;

    AlarmSubscriptionController(AlarmSubscriptionService service, CurrentUser current) {
        this.service = service;
        this.current = current;
    }

    /**
     * @param building      only this building's alarms; absent for every building the owner sees
     * @param minSeverity   CRITICAL, WARNING (default) or INFO
     * @param kinds         rule kinds (NO_READINGS, LEAK, …); empty for all
     * @param notifyCleared whether a cleared alarm is a message too
     * @param webhookSecret the HMAC key (16 to 256 characters); absent: kept, or made for a new webhook and shown once
     * @param quietFrom     HH:mm in {@code timeZone}; messages wait from then until {@code quietTo}
     * @param digestMinutes 0: a message as soon as changes are seen; N (up to 1440): at most one per N minutes
     */
    record SubscriptionJson(UUID id, String name, UUID building, String minSeverity, List<String> kinds,
                            Boolean notifyCleared, List<String> recipients, String webhookUrl, String webhookSecret,
                            String quietFrom, String quietTo, String timeZone, Integer digestMinutes, String lang,
                            Boolean enabled, String owner, Instant createdAt) {

        /** Never the secret: a record's words end up in logs. */
        @Override
        public String toString() {
            return "SubscriptionJson[" + id + ", " + name + "]";
        }
    }

    record TryJson(int attempt, Instant at, boolean ok, Integer httpStatus, String answer, String instance) {
    }

    record DeliveryJson(UUID id, String channel, String status, int attempts, Instant nextAttemptAt, int alarmCount,
                        String subject, String error, Instant createdAt, Instant sentAt, List<TryJson> tries) {
    }

    @GetMapping(PATH)
    @Operation(summary = "Your alarm subscriptions (an administrator: everyone's)")
    List<SubscriptionJson> list() {
        return service.list(current.user()).stream().map(s -> json(s, null)).toList();
    }

    @PostMapping(PATH)
    @Operation(summary = "Subscribe to alarms by e-mail and/or webhook")
    ResponseEntity<SubscriptionJson> create(@RequestBody SubscriptionJson body) {
        AlarmSubscriptionService.Saved saved = service.create(parse(body), current.user());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(saved.subscription(), saved.newSecret()));
    }

    @GetMapping(PATH + "/{id}")
    SubscriptionJson get(@PathVariable UUID id) {
        return json(service.get(id, current.user()), null);
    }

    @PutMapping(PATH + "/{id}")
    @Operation(summary = "Change a subscription (the webhook secret only when one is given)")
    SubscriptionJson update(@PathVariable UUID id, @RequestBody SubscriptionJson body) {
        AlarmSubscriptionService.Saved saved = service.update(id, parse(body), current.user());
        return json(saved.subscription(), saved.newSecret());
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id, current.user());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(PATH + "/{id}/deliveries")
    @Operation(summary = "The subscription's messages, newest first, with every try: sent, retrying or failed with"
            + " the SMTP server's or the webhook's answer")
    List<DeliveryJson> deliveries(@PathVariable UUID id) {
        return service.deliveries(id, current.user(), 100).stream().map(d -> new DeliveryJson(d.publicId(),
                d.channel().name(), d.status().name(), d.attempts(), d.nextAttemptAt(), d.alarmCount(), d.subject(),
                d.error(), d.createdAt(), d.sentAt(), d.tries().stream().map(t -> new TryJson(t.attempt(), t.at(),
                        t.ok(), t.httpStatus(), t.answer(), t.instance())).toList())).toList();
    }

    private static SubscriptionJson json(AlarmSubscription s, String newSecret) {
        return new SubscriptionJson(s.publicId(), s.name(), s.building(), s.minSeverity().name(),
                s.kinds().stream().map(Enum::name).sorted().toList(), s.notifyCleared(), s.recipients(),
                s.webhookUrl(), newSecret, s.quietHours() == null ? null : s.quietHours().from().toString(),
                s.quietHours() == null ? null : s.quietHours().to().toString(), s.zone().getId(), s.digestMinutes(),
                s.locale().getLanguage(), s.enabled(), s.ownerName(), s.createdAt());
    }

    private static NewAlarmSubscription parse(SubscriptionJson b) {
        return NewAlarmSubscription.parse(b.name(), b.building(), b.minSeverity(), b.kinds(), b.notifyCleared(),
                b.recipients(), b.webhookUrl(), b.webhookSecret(), b.quietFrom(), b.quietTo(), b.timeZone(),
                b.digestMinutes(), b.lang(), b.enabled());
    }
}
