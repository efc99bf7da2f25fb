package org.openamr.server.organisation;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.unit.HeatUnit;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Registry")
class OrganisationController {

    private final Organisations organisations;
    private final CurrentUser current;
    private final AuditActor audit;

    OrganisationController(Organisations organisations, CurrentUser current, AuditActor audit) {
        this.organisations = organisations;
        this.current = current;
        this.audit = audit;
    }

    /**
     * @param heatUnit the names of {@link HeatUnit} in any letter case (the database checks the same three);
     *                 none: Gcal for a new organisation, unchanged for an update
     */
    record OrganisationInput(@NotNull Organisation.Kind kind, @NotBlank @Size(max = 200) String name,
                             @Pattern(regexp = "^[0-9]{10}([0-9]{2})?$", message = "INN has 10 or 12 digits") String inn,
                             @Pattern(regexp = "(?i)gcal|kwh|gj", message = "must be one of gcal, kwh, gj")
                             String heatUnit) {

        HeatUnit heatUnitChosen() {
            // the pattern above has admitted only the three names
            return HeatUnit.named(heatUnit).orElse(null);
        }
    }

    @GetMapping
    List<Organisation> list() {
        return organisations.list(current.scope());
    }

    @GetMapping("/{id}")
    Organisation get(@PathVariable UUID id) {
        return organisations.get(current.scope(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Organisation create(@Valid @RequestBody OrganisationInput in) {
        audit.set(current.scope().actor());
        return organisations.create(in.kind(), in.name().trim(), in.inn(), in.heatUnitChosen());
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    Organisation update(@PathVariable UUID id, @Valid @RequestBody OrganisationInput in) {
        audit.set(current.scope().actor());
        return organisations.update(id, in.name().trim(), in.inn(), in.heatUnitChosen());
    }
}
