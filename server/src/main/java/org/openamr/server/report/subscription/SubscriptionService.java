package org.openamr.server.report.subscription;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.TimeZones;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.channel.ScheduleLimits;
import org.openamr.server.mail.MailAddresses;
import org.openamr.server.mail.SmtpServer;
import org.openamr.server.report.ReportScopes;
import org.openamr.server.security.AccessScope;
import org.openamr.server.unit.HeatUnit;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.Role;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' report subscriptions: managers, operators and administrators define them (a resident's own statement is a
 * download away); each sees and changes only their own, an administrator all. A subscription's scope must be one
 * its owner may see when it is made, and is checked again at every run with the owner's rights then.
 */
@Service
public class SubscriptionService {

    public static final int MAX_RECIPIENTS = MailAddresses.MAX_RECIPIENTS;

    private final SubscriptionRepository repository;
    private final ReportScopes scopes;
    private final AuditActor audit;
    private final SmtpServer smtp;

    SubscriptionService(SubscriptionRepository repository, ReportScopes scopes, AuditActor audit, SmtpServer smtp) {
        this.repository = repository;
        this.scopes = scopes;
        this.audit = audit;
        this.smtp = smtp;
    }

    /** Whether an SMTP server is configured; without one, subscriptions are kept but nothing is sent. */
    public boolean mailEnabled() {
        return smtp.enabled();
    }

    /** Whether the user may have subscriptions at all (residents may not). */
    public static boolean maySubscribe(OpenAmrUser user) {
        return user.role() != Role.RESIDENT;
    }

    @Transactional
    public Subscription create(NewSubscription n, OpenAmrUser owner) {
        AccessScope scope = subscriber(owner);
        check(n);
        var subjects = scopes.of(n.scope(), scope);
        if (n.heatUnit() == null) {
            // as the reports page and the API do: the management company's unit where the scope is one company's
            n = n.withHeatUnit(scopes.heatUnitOf(subjects).orElse(HeatUnit.GCAL));
        }
        audit.set(scope.actor());
        UUID id = repository.insert(owner.id(), n);
        return repository.find(id, null).orElseThrow();
    }

    public List<Subscription> list(OpenAmrUser user) {
        subscriber(user);
        return repository.list(ownerFilter(user));
    }

    public Subscription get(UUID id, OpenAmrUser user) {
        subscriber(user);
        return repository.find(id, ownerFilter(user)).orElseThrow(() -> new NotFoundException("subscription", id));
    }

    @Transactional
    public void delete(UUID id, OpenAmrUser user) {
        Subscription s = get(id, user);
        audit.set(user.scope().actor());
        repository.delete(s.id());
    }

    /** A run now, whatever the schedule; the scheduler sends it within its next tick. */
    @Transactional
    public UUID sendNow(UUID id, OpenAmrUser user) {
        Subscription s = get(id, user);
        return repository.createManualRun(s.id(), user.scope().actor());
    }

    public List<ReportRun> runs(UUID id, OpenAmrUser user, int limit) {
        return repository.runs(get(id, user).id(), limit);
    }

    private static AccessScope subscriber(OpenAmrUser user) {
        if (user.role() == Role.RESIDENT) {
            throw new AccessDeniedException("residents download their reports; subscriptions are for companies");
        }
        return user.scope();
    }

    private static Long ownerFilter(OpenAmrUser user) {
        return user.role() == Role.ADMIN ? null : user.id();
    }

    /** @throws BadRequestException naming the first field that is wrong and why */
    static void check(NewSubscription n) {
        if (n.name() == null || n.name().isBlank() || n.name().length() > 200) {
            throw new BadRequestException("field 'name': give a name of 1 to 200 characters");
        }
        if (n.formats().isEmpty()) {
            throw new BadRequestException("field 'formats': give at least one of csv, xlsx, pdf, xml, txt");
        }
        if (n.periodRule() == PeriodRule.LAST_DAYS && (n.lastDays() == null || n.lastDays() < 1 || n.lastDays() > 366)) {
            throw new BadRequestException("field 'lastDays': give 1 to 366 days for the period LAST_DAYS");
        }
        if (n.periodRule() != PeriodRule.LAST_DAYS && n.lastDays() != null) {
            throw new BadRequestException("field 'lastDays' is only for the period LAST_DAYS");
        }
        checkCron(n.cron(), n.zone());
        recipients(n.recipients());
    }

    static void checkCron(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            throw new BadRequestException("field 'cron': give a schedule, e.g. '0 0 8 23 * *' (the 23rd at 08:00)");
        }
        if (ScheduleLimits.tooLong(cron) != null) {
            throw new BadRequestException("field 'cron' is longer than " + ScheduleLimits.MAX_LENGTH + " characters");
        }
        CronExpression parsed;
        try {
            parsed = CronExpression.parse(cron.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("field 'cron': '" + cron + "' is not a schedule (second minute hour day month"
                    + " weekday, e.g. '0 0 8 23 * *'): " + e.getMessage());
        }
        ScheduleLimits.Problem p = ScheduleLimits.check(parsed, ZonedDateTime.now(zone));
        if (p == ScheduleLimits.Problem.TOO_OFTEN) {
            throw new BadRequestException("field 'cron': '" + cron + "' runs more often than once a minute");
        }
        if (p == ScheduleLimits.Problem.NEVER) {
            throw new BadRequestException("field 'cron': '" + cron + "' never runs in the next five years");
        }
    }

    /** The addresses as given, each checked as an e-mail address, without duplicates. */
    public static List<String> recipients(List<String> given) {
        return MailAddresses.recipients(given);
    }

    public static ZoneId zone(String text) {
        return TimeZones.parse(text);
    }
}
