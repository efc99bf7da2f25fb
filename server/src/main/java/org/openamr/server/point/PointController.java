package org.openamr.server.point;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
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
    private final PointService changes;
    private final CurrentUser current;

    PointController(MeteringPoints points, PointService changes, CurrentUser current) {
        this.points = points;
        this.changes = changes;
        this.current = current;
    }

    /**
     * Either a premise (an apartment's point) or a building alone (a building-level point); {@code subunit} is the
     * device of the meter that counts it (0, the meter itself, when not given; 1 and 2 are a SonoSafe's pulse inputs).
     */
    record PointInput(UUID premise, UUID building, @NotNull MeteringPoint.Resource resource,
                      @Size(max = 64) String name, @Min(0) @Max(1023) Integer subunit) {
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
    MeteringPoint create(@Valid @RequestBody PointInput in) {
        return changes.create(in.premise(), in.building(), in.resource(), in.name(),
                in.subunit() == null ? 0 : in.subunit());
    }

    @PostMapping("/{id}/installations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Installs a meter at the point; a meter still there is replaced at the same instant")
    MeteringPoint install(@PathVariable UUID id, @Valid @RequestBody InstallationInput in) {
        return changes.install(id, in.meter(), in.installedAt(), in.initialValue(), in.previousFinalValue());
    }

    @PostMapping("/{id}/removal")
    @Operation(summary = "Removes the point's meter without a successor")
    MeteringPoint remove(@PathVariable UUID id, @Valid @RequestBody RemovalInput in) {
        return changes.remove(id, in.removedAt(), in.finalValue());
    }
}
