package org.openamr.server.registerimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Building;
import org.openamr.server.building.Buildings;
import org.openamr.server.meter.Meters;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a previewed register in one transaction through the registry's repositories (so the audit log names
 * the user for every row written): all of it, or, when anything fails, nothing. The rows are planned again
 * inside the transaction; if the registry changed since the preview so that the plan differs, nothing is written
 * and the new plan is returned to be previewed again.
 */
@Service
public class RegisterImport {

    private final Buildings buildings;
    private final Premises premises;
    private final MeteringPoints points;
    private final Meters meters;
    private final RegisterPlanner planner;
    private final AuditActor audit;

    RegisterImport(Buildings buildings, Premises premises, MeteringPoints points, Meters meters,
            RegisterPlanner planner, AuditActor audit) {
        this.buildings = buildings;
        this.premises = premises;
        this.points = points;
        this.meters = meters;
        this.planner = planner;
        this.audit = audit;
    }

    /** What previewing a file shows: its rows planned against the registry now. */
    @Transactional(readOnly = true)
    public List<RowPlan> preview(UUID building, RegisterParser.Parsed parsed, AccessScope scope) {
        return planner.plan(buildings.get(scope, building), parsed, scope);
    }

    /** The outcome of a confirmed import. */
    public record Outcome(boolean written, List<RowPlan> plan) {
    }

    /**
     * @param promised what the preview showed ({@link RowPlan#promise()} of each row)
     */
    @Transactional
    public Outcome write(UUID buildingId, RegisterParser.Parsed parsed, List<List<Object>> promised, AccessScope scope) {
        Building building = buildings.get(scope, buildingId);
        List<RowPlan> plan = planner.plan(building, parsed, scope);
        if (!plan.stream().map(RowPlan::promise).toList().equals(promised)
                || plan.stream().anyMatch(p -> p.status() == RowPlan.Status.ERROR)) {
            return new Outcome(false, plan);
        }
        audit.set(scope.actor());
        long internal = buildings.internalId(scope, buildingId);
        Map<String, UUID> newPremises = new HashMap<>();
        Map<String, UUID> newPoints = new HashMap<>();
        Map<String, Long> newMeters = new HashMap<>();
        Long registry = meters.registry(scope, buildingId);
        for (RowPlan p : plan) {
            RegisterRow row = p.row();
            RowPlan.Steps s = p.steps();
            if (s.entrance() != null) {
                buildings.addEntrance(internal, s.entrance());
            }
            UUID premise = s.premise() != null ? s.premise() : newPremises.get(row.premise());
            RowPlan.PremiseValues v = s.premiseWrite();
            if (premise == null) {
                premise = premises.create(internal, v.fields(row.premise()));
                newPremises.put(row.premise(), premise);
            } else if (v != null) {
                premises.update(premises.ref(scope, premise), v.fields(row.premise()));
            }
            if (row.resource() == null) {
                continue;
            }
            String pointKey = row.premise() + "/" + row.resource();
            UUID point = s.point() != null ? s.point() : newPoints.get(pointKey);
            if (point == null) {
                point = points.create(internal, premises.ref(scope, premise).id(), row.resource(), "", s.subunit());
                newPoints.put(pointKey, point);
            } else if (s.subunit() != null) {
                points.setSubunit(points.ref(scope, point), s.subunit());
            }
            if (!row.hasMeter()) {
                continue;
            }
            // a meter new to the operator's registry is registered there by its first row; its other rows install
            // that one
            Long meter = s.meter() != null ? s.meter() : newMeters.get(row.meterKey());
            if (meter == null) {
                meter = meters.create(registry, row.serial(), s.meterWrite());
                newMeters.put(row.meterKey(), meter);
            } else if (s.meterWrite() != null) {
                meters.update(meter, s.meterWrite());
            }
            if (s.installAt() != null) {
                points.install(points.ref(scope, point), meter, s.installAt(), null, null);
            }
        }
        return new Outcome(true, plan);
    }
}
