package org.openamr.server.building;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/buildings")
@Tag(name = "Registry")
class BuildingController {

    private final Buildings buildings;
    private final Organisations organisations;
    private final CurrentUser current;
    private final AuditActor audit;

    BuildingController(Buildings buildings, Organisations organisations, CurrentUser current, AuditActor audit) {
        this.buildings = buildings;
        this.organisations = organisations;
        this.current = current;
        this.audit = audit;
    }

    record BuildingInput(@NotBlank @Size(max = 300) String address, UUID fiasId, @Size(max = 64) String gisId,
                         @NotNull UUID managementCompany, UUID serviceCompany, @Size(max = 64) String timeZone) {
    }

    record BuildingChange(@NotBlank @Size(max = 300) String address, UUID fiasId, @Size(max = 64) String gisId,
                          @Size(max = 64) String timeZone) {
    }

    record EntranceInput(@Min(1) @Max(999) int number) {
    }

    @GetMapping
    Page<Building> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return buildings.list(current.scope(), page, size);
    }

    @GetMapping("/{id}")
    Building get(@PathVariable UUID id) {
        return buildings.get(current.scope(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Building create(@Valid @RequestBody BuildingInput in) {
        AccessScope scope = current.scope();
        audit.set(scope.actor());
        long management = organisations.internalId(scope, in.managementCompany());
        Long service = in.serviceCompany() == null ? null : organisations.internalId(scope, in.serviceCompany());
        long id = buildings.create(in.address().trim(), in.fiasId(), blankToNull(in.gisId()), management, service,
                zone(in.timeZone()));
        return buildings.get(scope, buildings.publicId(id));
    }

    @PutMapping("/{id}")
    @Transactional
    Building update(@PathVariable UUID id, @Valid @RequestBody BuildingChange in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        long internal = buildings.internalId(scope, id);
        buildings.update(internal, in.address().trim(), in.fiasId(), blankToNull(in.gisId()), zone(in.timeZone()));
        return buildings.get(scope, id);
    }

    @PostMapping("/{id}/entrances")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Building.Entrance addEntrance(@PathVariable UUID id, @Valid @RequestBody EntranceInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        return buildings.addEntrance(buildings.internalId(scope, id), in.number());
    }


    static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "Europe/Moscow";
        }
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone '" + timeZone + "' is not a time zone id such as Europe/Moscow");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
