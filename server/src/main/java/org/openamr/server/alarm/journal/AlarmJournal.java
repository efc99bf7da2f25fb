package org.openamr.server.alarm.journal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.alarm.Severity;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.OpenAmrUser;
import org.openamr.server.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The alarm journal as users see it: listing what their scope covers, and acknowledging. */
@Service
public class AlarmJournal {

    /** The longest comment an acknowledgement keeps; the pages' forms say so before the server refuses it. */
    public static final int MAX_COMMENT = 2000;

    private final AlarmRepository alarms;

    AlarmJournal(AlarmRepository alarms) {
        this.alarms = alarms;
    }

    public Page<AlarmView> list(AccessScope scope, AlarmFilter filter, int page, int size) {
        return alarms.page(scope, filter, page, size);
    }

    /** Open alarms the scope sees, per severity, for each building (by its public id): the badges of lists. */
    public Map<UUID, Map<Severity, Integer>> openByBuilding(AccessScope scope) {
        return alarms.openByBuilding(scope);
    }

    /** The open alarms the scope sees of some objects (a meter and the points it is installed at), newest first. */
    public List<AlarmView> openOf(AccessScope scope, Collection<UUID> objects, int limit) {
        return alarms.openOf(scope, objects, limit);
    }

    /** @throws NotFoundException when there is no such alarm for the scope */
    public AlarmView find(AccessScope scope, UUID id) {
        return alarms.find(scope, id).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    /**
     * Acknowledges an alarm the user sees: who and when are recorded, with their comment. A resident sees the alarms
     * of their apartment but acknowledging is the management's.
     *
     * @throws NotFoundException      when there is no such alarm for the scope
     * @throws ConflictException      when it was acknowledged already (by whom and when stays as it was)
     * @throws AccessDeniedException  for a resident
     */
    @Transactional
    public AlarmView acknowledge(AccessScope scope, OpenAmrUser user, UUID id, String comment) {
        if (scope.role() == Role.RESIDENT) {
            throw new AccessDeniedException("residents do not acknowledge alarms");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new org.openamr.server.api.BadRequestException("comment: at most " + MAX_COMMENT
                    + " characters (was " + text.length() + ")");
        }
        AlarmView before = find(scope, id);
        if (!alarms.acknowledge(scope, id, user.getUsername(), user.id(), text)) {
            AlarmView now = find(scope, id);
            throw new ConflictException("the alarm was acknowledged already by " + now.acknowledgedBy() + " at "
                    + now.acknowledgedAt());
        }
        return find(scope, before.id());
    }
}
