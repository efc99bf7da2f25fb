package org.openamr.server.meter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.openamr.mbus.link.Address;
import org.openamr.modbus.UnitIds;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.CurrentUser;
import org.openamr.server.security.SecretBox;
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
@RequestMapping("/api/v1/meters")
@Tag(name = "Registry")
class MeterController {

    private final Meters meters;
    private final MeterChannels channels;
    private final SecretBox secrets;
    private final CurrentUser current;
    private final AuditActor audit;

    MeterController(Meters meters, MeterChannels channels, SecretBox secrets, CurrentUser current, AuditActor audit) {
        this.meters = meters;
        this.channels = channels;
        this.secrets = secrets;
        this.current = current;
        this.audit = audit;
    }

    /**
     * A meter as the caller writes it; on PUT, what is left out is cleared, like the model or the primary address.
     * {@code primaryAddress} is the meter's address on its channel's bus: the M-Bus primary address, or on a MODBUS
     * channel the unit id of its Modbus module.
     *
     * @param gisDeviceGuid text checked here, rather than a UUID the JSON reader refuses, so that a malformed one is a
     *                      400 that names the field
     */
    record MeterInput(@Pattern(regexp = "^[A-Z@]{3}$", message = "manufacturer is three capital letters, e.g. DFS")
                      String manufacturer, String model, @NotBlank String serial, String medium,
                      @Min(0) @Max(Address.MAX_PRIMARY) Integer primaryAddress, UUID channel, @Min(1) @Max(18) Integer registerDigits,
                      LocalDate verifiedOn, LocalDate nextVerification,
                      @Schema(description = "The identifier ГИС ЖКХ (the state housing information system) gave the "
                              + "metering device, by which a readings export names it; no two meters share one; null "
                              + "or left out: none", example = "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                              pattern = Meter.GIS_DEVICE_GUID)
                      @Pattern(regexp = Meter.GIS_DEVICE_GUID, message = "a ГИС ЖКХ device GUID is 32 hex digits "
                              + "grouped 8-4-4-4-12, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6; null for none")
                      String gisDeviceGuid) {
    }

    record KeyInput(@NotBlank @Pattern(regexp = "^[0-9A-Fa-f]{32}$", message = "an AES-128 key is 32 hex digits")
                    String key) {
    }

    @GetMapping
    @Operation(summary = "Meters; unassigned=true lists meters found by searches or pushes and not yet installed")
    Page<Meter> list(@RequestParam(required = false) UUID building,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return meters.list(current.scope(), building, unassigned, page, size);
    }

    @GetMapping("/{id}")
    Meter get(@PathVariable UUID id) {
        return meters.get(current.scope(), id);
    }

    @PostMapping
    @Operation(summary = "Registers a meter; 409 when the registry has its serial or another meter its ГИС ЖКХ GUID")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Meter create(@Valid @RequestBody MeterInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        UUID id = meters.create(scope, fields(scope, in));
        return meters.get(new AccessScope.Everything(scope.actor()), id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Changes a meter; 409 when the registry has its serial or another meter its ГИС ЖКХ GUID")
    @Transactional
    Meter update(@PathVariable UUID id, @Valid @RequestBody MeterInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        meters.update(scope, meters.internalId(scope, id), fields(scope, in));
        return meters.get(scope, id);
    }

    @PutMapping("/{id}/key")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stores the meter's AES key, sealed with the server key; it is never returned")
    @Transactional
    void setKey(@PathVariable UUID id, @Valid @RequestBody KeyInput in) {
        AccessScope scope = current.registryEditor();
        audit.set(scope.actor());
        meters.setKey(meters.internalId(scope, id), secrets.seal(HexFormat.of().parseHex(in.key())));
    }

    private Meters.Fields fields(AccessScope scope, MeterInput in) {
        Long channel = null;
        if (in.channel() != null) {
            channel = channels.visibleChannelId(in.channel(), scope)
                    .orElseThrow(() -> new NotFoundException("channel", in.channel()));
            Integer unit = in.primaryAddress();
            if (unit != null && !UnitIds.valid(unit) && channels.modbus(channel)) {
                throw new BadRequestException("primaryAddress " + unit + " is not a Modbus unit id: on a MODBUS channel "
                        + "a meter's bus address is its unit id, " + UnitIds.FIRST + "–" + UnitIds.LAST);
            }
        }
        return new Meters.Fields(in.manufacturer(), blank(in.model()), in.serial().trim(), blank(in.medium()),
                in.primaryAddress(), channel, in.registerDigits(), in.verifiedOn(), in.nextVerification(), null, null,
                in.gisDeviceGuid() == null ? null : UUID.fromString(in.gisDeviceGuid()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
