package org.openamr.server.point;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Buildings;
import org.openamr.server.meter.Meters;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to metering points and their installations, for the API and the web pages alike: the caller
 * must be allowed to change the registry, sees only what its scope shows, and every change is written
 * to the audit log under its name.
 */
@Service
public class PointService {

    private final MeteringPoints points;
    private final Premises premises;
    private final Buildings buildings;
    private final Meters meters;
    private final CurrentUser current;
    private final AuditActor audit;

    PointService(MeteringPoints points, Premises premises, Buildings buildings, Meters meters, CurrentUser current,
            AuditActor audit) {
        this.points = points;
        this.premises = premises;
        this.buildings = buildings;
        this.meters = meters;
        this.current = current;
        this.audit = audit;
    }

    /** The caller's scope, once it is known that it may change the registry; names it in the audit log. */
    private AccessScope editor() {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        return scope;
    }

    /**
     * A new point: either a premise's (an apartment's) or a building-level one.
     *
     * @throws PointNameTakenException when the premise or building already has a point of that resource and name
     */
    @Transactional
    public MeteringPoint create(UUID premise, UUID building, MeteringPoint.Resource resource, String name,
            int subunit) {
        AccessScope scope = editor();
        return points.get(scope, create(scope, premise, building, resource, name, subunit));
    }

    private UUID create(AccessScope scope, UUID premise, UUID building, MeteringPoint.Resource resource, String name,
            int subunit) {
        if ((premise == null) == (building == null)) {
            throw new BadRequestException("give either 'premise' (an apartment's point) or 'building' (a building-level point), not both or none");
        }
        String trimmed = name == null ? "" : name.trim();
        long buildingId;
        Long premiseId;
        if (premise != null) {
            Premises.Ref p = premises.ref(scope, premise);
            buildingId = p.buildingId();
            premiseId = p.id();
        } else {
            buildingId = buildings.internalId(scope, building);
            premiseId = null;
        }
        if (points.exists(buildingId, premiseId, resource, trimmed)) {
            throw new PointNameTakenException(resource, trimmed);
        }
        return points.create(buildingId, premiseId, resource, trimmed, subunit);
    }

    /** Installs a meter at the point; a meter still there is replaced at the same instant (the API's rule). */
    @Transactional
    public MeteringPoint install(UUID point, UUID meter, Instant at, BigDecimal initialValue,
            BigDecimal previousFinalValue) {
        AccessScope scope = editor();
        MeteringPoints.Ref ref = points.ref(scope, point);
        points.install(ref, meters.internalId(scope, meter), at, initialValue, previousFinalValue);
        return points.get(scope, point);
    }

    /**
     * Installs a meter at a point that has no meter at or after {@code at}: what assigning a newly found meter
     * means. A point in use is refused rather than its meter replaced, which is a deliberate act of its own.
     *
     * @throws PointOccupiedException when the point has a meter at that time
     */
    @Transactional
    public MeteringPoint installAtFreePoint(UUID point, UUID meter, Instant at) {
        AccessScope scope = editor();
        return installAtFree(scope, points.ref(scope, point), point, meter, at);
    }

    /** {@link #installAtFreePoint} at a point made for it in the same transaction: both happen or neither. */
    @Transactional
    public MeteringPoint installAtNewPoint(UUID premise, UUID building, MeteringPoint.Resource resource, String name,
            UUID meter, Instant at) {
        AccessScope scope = editor();
        // the meter's own register: a pulse input's point is made with its subunit through the API or the import
        UUID point = create(scope, premise, building, resource, name, 0);
        return installAtFree(scope, points.ref(scope, point), point, meter, at);
    }

    private MeteringPoint installAtFree(AccessScope scope, MeteringPoints.Ref ref, UUID point, UUID meter, Instant at) {
        long meterId = meters.internalId(scope, meter);
        points.occupant(ref, at).ifPresent(o -> {
            throw new PointOccupiedException(o);
        });
        points.install(ref, meterId, at, null, null);
        return points.get(scope, point);
    }

    /** Removes the point's meter without a successor. */
    @Transactional
    public MeteringPoint remove(UUID point, Instant at, BigDecimal finalValue) {
        AccessScope scope = editor();
        points.remove(points.ref(scope, point), at, finalValue);
        return points.get(scope, point);
    }
}
