package org.openamr.server.report.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.report.format.ReportFormat;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/report-subscriptions}: scheduled reports by e-mail. Managers, operators and administrators; each
 * sees their own (an administrator all); residents 403. A run is made with its owner's rights.
 */
@RestController
@Tag(name = "Reports")
class SubscriptionController {

    private final SubscriptionService service;
    private final CurrentUser current;

    SubscriptionController(SubscriptionService service, CurrentUser current) {
        this.service = service;
        this.current = current;
    }

    /**
     * @param period   PREVIOUS_MONTH, MONTH_TO_DATE or LAST_DAYS
     * @param cron     Spring cron in {@code timeZone}: "0 0 8 23 * *" is the 23rd at 08:00
     */
    record SubscriptionJson(UUID id, String name, String kind, UUID scope, String period, Integer lastDays,
                            List<String> formats, String heatUnit, String lang, String cron, String timeZone,
                            List<String> recipients, Boolean enabled, String owner, Instant createdAt) {
    }

    record RunJson(UUID id, String trigger, String requestedBy, Instant slot, String status, int attempts,
                   Instant nextAttemptAt, Instant startedAt, Instant finishedAt, String instance, String error,
                   String delivered) {
    }

    @GetMapping("/api/v1/report-subscriptions")
    @Operation(summary = "Your scheduled reports (an administrator: everyone's)")
    List<SubscriptionJson> list() {
        return service.list(current.user()).stream().map(SubscriptionController::json).toList();
    }

    @PostMapping("/api/v1/report-subscriptions")
    @Operation(summary = "Schedule a report by e-mail")
    ResponseEntity<SubscriptionJson> create(@RequestBody SubscriptionJson body) {
        Subscription s = service.create(parse(body), current.user());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(s));
    }

    @GetMapping("/api/v1/report-subscriptions/{id}")
    SubscriptionJson get(@PathVariable UUID id) {
        return json(service.get(id, current.user()));
    }

    @DeleteMapping("/api/v1/report-subscriptions/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        service.delete(id, current.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/report-subscriptions/{id}/send")
    @Operation(summary = "Send the report now, whatever the schedule")
    ResponseEntity<Map<String, UUID>> send(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("run", service.sendNow(id, current.user())));
    }

    @GetMapping("/api/v1/report-subscriptions/{id}/runs")
    @Operation(summary = "The subscription's runs, newest first: sent, retrying or failed with the SMTP server's answer")
    List<RunJson> runs(@PathVariable UUID id) {
        return service.runs(id, current.user(), 100).stream().map(r -> new RunJson(r.publicId(), r.trigger(),
                r.requestedBy(), r.slotAt(), r.status().name(), r.attempts(), r.nextAttemptAt(), r.startedAt(),
                r.finishedAt(), r.instance(), r.error(), r.delivered())).toList();
    }

    private static SubscriptionJson json(Subscription s) {
        return new SubscriptionJson(s.publicId(), s.name(), s.kind().apiName(), s.scope(), s.periodRule().name(),
                s.lastDays(), s.formats().stream().map(ReportFormat::extension).toList(), s.heatUnit().name(),
                s.locale().getLanguage(), s.cron(), s.zone().getId(), s.recipients(), s.enabled(), s.ownerName(),
                s.createdAt());
    }

    private static NewSubscription parse(SubscriptionJson b) {
        return NewSubscription.parse(b.name(), b.kind(), b.scope(), b.period(), b.lastDays(), b.formats(), b.heatUnit(),
                b.lang(), b.cron(), b.timeZone(), b.recipients());
    }
}
