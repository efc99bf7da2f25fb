package org.openamr.server.point;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Buildings;
import org.openamr.server.meter.Meters;
import org.openamr.server.premise.Premises;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/points")
@Tag(name = "Registry")
class PointController {

    private final MeteringPoints points;
    private final Premises premises;
    private final Buildings buildings;
    private final Meters meters;
    private final CurrentUser current;
    private final AuditActor audit;

    PointController(MeteringPoints points, Premises premises, Buildings buildings, Meters meters, CurrentUser current,
            AuditActor audit) {
        this.points = points;
        this.premises = premises;
        this.buildings = buildings;
        this.meters = meters;
        this.current = current;
        this.audit = audit;
    }

    /** Either a premise (an apartment's point) or a building alone (a building-level point). */
    record PointInput(UUID premise, UUID building, @NotNull MeteringPoint.Resource resource,
                      @Size(max = 64) String name) {
    }

    record InstallationInput(@NotNull UUID meter, @NotNull Instant installedAt, BigDecimal initialValue,
                             BigDecimal previousFinalValue) {
    }

    record RemovalInput(@NotNull Instant removedAt, BigDecimal finalValue) {
    }

    @GetMapping
    Page<MeteringPoint> list(@RequestParam(required = false) UUID building,
            @RequestParam(required = false) UUID premise, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return points.list(current.scope(), building, premise, page, size);
    }

    @GetMapping("/{id}")
    MeteringPoint get(@PathVariable UUID id) {
        return points.get(current.scope(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    MeteringPoint create(@Valid @RequestBody PointInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        if ((in.premise() == null) == (in.building() == null)) {
            throw new BadRequestException("give either 'premise' (an apartment's point) or 'building' (a building-level point), not both or none");
        }
        String name = in.name() == null ? "" : in.name().trim();
        UUID id;
        if (in.premise() != null) {
            Premises.Ref p = premises.ref(scope, in.premise());
            id = points.create(p.buildingId(), p.id(), in.resource(), name, 0);
        } else {
            id = points.create(buildings.internalId(scope, in.building()), null, in.resource(), name, 0);
        }
        return points.get(scope, id);
    }

    @PostMapping("/{id}/installations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Installs a meter at the point; a meter still there is replaced at the same instant")
    @Transactional
    MeteringPoint install(@PathVariable UUID id, @Valid @RequestBody InstallationInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        MeteringPoints.Ref point = points.ref(scope, id);
        points.install(point, meters.internalId(scope, in.meter()), in.installedAt(), in.initialValue(),
                in.previousFinalValue());
        return points.get(scope, id);
    }

    @PostMapping("/{id}/removal")
    @Operation(summary = "Removes the point's meter without a successor")
    @Transactional
    MeteringPoint remove(@PathVariable UUID id, @Valid @RequestBody RemovalInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        points.remove(points.ref(scope, id), in.removedAt(), in.finalValue());
        return points.get(scope, id);
    }
}
