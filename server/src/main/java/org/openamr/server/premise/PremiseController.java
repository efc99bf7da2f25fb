package org.openamr.server.premise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Buildings;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/premises")
@Tag(name = "Registry")
class PremiseController {

    private final Premises premises;
    private final Buildings buildings;
    private final CurrentUser current;
    private final AuditActor audit;

    PremiseController(Premises premises, Buildings buildings, CurrentUser current, AuditActor audit) {
        this.premises = premises;
        this.buildings = buildings;
        this.current = current;
        this.audit = audit;
    }

    /**
     * A premise as the caller writes it; on PUT, what is left out is cleared, like the floor and the area.
     *
     * @param personalAccount checked here as the database checks it, so that a wrong one is a 400 that names it
     */
    record PremiseInput(@NotNull UUID building, Integer entrance, @NotBlank @Size(max = 32) String number,
                        @NotNull Premise.Kind kind, Integer floor, @DecimalMin(value = "0", inclusive = false) BigDecimal areaM2,
                        @Schema(description = "The personal account (лицевой счёт) the management company bills the "
                                + "premise under; unique within the building; null or left out: none",
                                example = "01-234/5", pattern = Premise.PERSONAL_ACCOUNT)
                        @Pattern(regexp = Premise.PERSONAL_ACCOUNT, message = "a personal account is 1 to 30 digits, "
                                + "Latin or Cyrillic letters, - or /, without spaces; null for none")
                        String personalAccount,
                        @Schema(description = "Whether someone lives there: the no-consumption alarm watches occupied "
                                + "premises only; left out: as it is (a new premise: not occupied)")
                        Boolean occupied) {

        Premises.Fields fields() {
            return new Premises.Fields(entrance, number.trim(), kind, floor, areaM2, personalAccount, occupied);
        }
    }

    @GetMapping
    Page<Premise> list(@RequestParam(required = false) UUID building, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return premises.list(current.scope(), building, page, size);
    }

    @GetMapping("/{id}")
    Premise get(@PathVariable UUID id) {
        return premises.get(current.scope(), id);
    }

    @PostMapping
    @Operation(summary = "Adds a premise; 409 when its number or personal account is taken in the building")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Premise create(@Valid @RequestBody PremiseInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        long building = buildings.internalId(scope, in.building());
        UUID id = premises.create(building, in.fields());
        return premises.get(scope, id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a premise; 409 when its number or personal account is taken in the building")
    @Transactional
    Premise update(@PathVariable UUID id, @Valid @RequestBody PremiseInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        Premises.Ref ref = premises.ref(scope, id);
        premises.update(ref, in.fields());
        return premises.get(scope, id);
    }

}
