package org.openamr.server.alarm.notify;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.mail.SmtpServer;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.Role;
import org.openamr.server.security.SecretBox;
import org.openamr.server.security.Tokens;
import org.openamr.server.security.UserAccounts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' alarm subscriptions: managers, operators and administrators keep their own (an administrator sees and
 * changes everyone's); residents may not (as with report subscriptions: notifications are a company's tool). The
 * building filter must be one the owner sees; which alarms a message carries is decided with the owner's rights
 * when it is made. A webhook's secret is sealed ({@link SecretBox}) and never shown again after the answer that
 * made it.
 */
@Service
public class AlarmSubscriptionService {

    /** A subscription as stored, and the webhook secret the server just made for it (else null), shown once. */
    public record Saved(AlarmSubscription subscription, String newSecret) {
    }

    private final AlarmSubscriptionRepository repository;
    private final DeliveryRepository deliveries;
    private final SecretBox secrets;
    private final AuditActor audit;
    private final SmtpServer smtp;
    private final UserAccounts users;

    AlarmSubscriptionService(AlarmSubscriptionRepository repository, DeliveryRepository deliveries, SecretBox secrets,
            AuditActor audit, SmtpServer smtp, UserAccounts users) {
        this.users = users;
        this.repository = repository;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.audit = audit;
        this.smtp = smtp;
    }

    /** Whether e-mail can go at all; without it, e-mail messages are recorded as failed and webhooks still go. */
    public boolean mailEnabled() {
        return smtp.enabled();
    }

    @Transactional
    public Saved create(NewAlarmSubscription n, OpenAmrUser owner) {
        AccessScope scope = subscriber(owner);
        Long building = building(n, scope);
        String made = n.webhookUrl() != null && n.webhookSecret() == null ? Tokens.newToken("oamr_whs_") : null;
        byte[] key = n.webhookUrl() == null ? null : seal(made != null ? made : n.webhookSecret());
        audit.set(scope.actor());
        UUID id = repository.insert(owner.id(), building, n, key);
        return new Saved(repository.find(id, null).orElseThrow(), made);
    }

    /**
     * Replaces what the user may set. The webhook keeps its secret unless a new one is given; a webhook added by the
     * change gets one made, shown once. The owner and the dispatch cursor stay.
     */
    @Transactional
    public Saved update(UUID id, NewAlarmSubscription n, OpenAmrUser user) {
        AlarmSubscription s = get(id, user);
        OpenAmrUser owner = user.id() == s.ownerId() ? user : null;
        // the building is checked with the owner's rights, also when an administrator changes it
        AccessScope ownerScope = owner != null ? owner.scope() : ownerScope(s);
        Long building = building(n, ownerScope);
        boolean hadWebhook = repository.keySealed(s.id()).isPresent();
        String made = n.webhookUrl() != null && n.webhookSecret() == null && !hadWebhook
                ? Tokens.newToken("oamr_whs_") : null;
        byte[] key = n.webhookUrl() == null ? null
                : made != null ? seal(made) : n.webhookSecret() != null ? seal(n.webhookSecret()) : null;
        audit.set(user.scope().actor());
        repository.update(s.id(), building, n, key, n.webhookUrl() == null);
        return new Saved(repository.byId(s.id()).orElseThrow(), made);
    }

    public List<AlarmSubscription> list(OpenAmrUser user) {
        subscriber(user);
        return repository.list(ownerFilter(user));
    }

    public AlarmSubscription get(UUID id, OpenAmrUser user) {
        subscriber(user);
        return repository.find(id, ownerFilter(user))
                .orElseThrow(() -> new NotFoundException("alarm subscription", id));
    }

    @Transactional
    public void delete(UUID id, OpenAmrUser user) {
        AlarmSubscription s = get(id, user);
        audit.set(user.scope().actor());
        repository.delete(s.id());
    }

    /** The subscription's messages, newest first, with every try. */
    public List<Delivery> deliveries(UUID id, OpenAmrUser user, int limit) {
        return deliveries.history(get(id, user).id(), limit);
    }

    private Long building(NewAlarmSubscription n, AccessScope scope) {
        if (n.building() == null) {
            return null;
        }
        return repository.visibleBuilding(n.building(), scope)
                .orElseThrow(() -> new NotFoundException("building", n.building()));
    }

    private AccessScope ownerScope(AlarmSubscription s) {
        return users.byId(s.ownerId()).map(OpenAmrUser::scope)
                .orElseThrow(() -> new NotFoundException("alarm subscription", s.publicId()));
    }

    private byte[] seal(String secret) {
        return secrets.seal(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static AccessScope subscriber(OpenAmrUser user) {
        if (user.role() == Role.RESIDENT) {
            throw new AccessDeniedException("alarm notifications are for companies' users and administrators");
        }
        return user.scope();
    }

    private static Long ownerFilter(OpenAmrUser user) {
        return user.role() == Role.ADMIN ? null : user.id();
    }
}
