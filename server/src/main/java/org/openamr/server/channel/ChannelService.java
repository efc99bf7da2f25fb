package org.openamr.server.channel;

import java.util.UUID;
import org.openamr.modbus.map.RegisterMaps;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.api.Page;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.ingest.ConcentratorTokens;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and deleting channels. Only scopes that may operate channels
 * ({@link AccessScope#mayOperateChannels}: administrators and service companies) change them, and
 * only in buildings they see; a channel without a building is an administrator's.
 */
@Service
public class ChannelService {

    private final ChannelRepository channels;
    private final RunRepository runs;
    private final AuditActor audit;
    private final ConcentratorTokens tokens;
    private final RegisterMaps maps;

    public ChannelService(ChannelRepository channels, RunRepository runs, AuditActor audit, ConcentratorTokens tokens,
            RegisterMaps maps) {
        this.channels = channels;
        this.runs = runs;
        this.audit = audit;
        this.tokens = tokens;
        this.maps = maps;
    }

    public record IssuedToken(UUID channelId, String token) {
    }

    /** @param buildingId only channels of this building, or all */
    public Page<ChannelView> list(AccessScope scope, UUID buildingId, ChannelKind kind, int page, int size) {
        return channels.list(scope, buildingId, kind, page, size);
    }

    public ChannelView get(UUID id, AccessScope scope) {
        return channels.view(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
    }

    /** The channel's runs, newest first. */
    public Page<RunView> runs(UUID id, AccessScope scope, int page, int size) {
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        return runs.list(c.id(), page, size);
    }

    /** One run of the channel with what it did to each meter. */
    public RunView run(UUID id, UUID runId, AccessScope scope) {
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        return runs.detail(c.id(), runId).orElseThrow(() -> new NotFoundException("run", runId));
    }

    @Transactional
    public ChannelView create(NewChannel request, AccessScope scope) {
        mayOperate(scope);
        ChannelKind kind = kind(request == null ? null : request.kind());
        String name = ChannelFieldRules.name(request.name());
        String address = ChannelFieldRules.address(kind, request.address());
        int baud = ChannelFieldRules.baud(kind, request.baud(), address);
        String cron = ChannelFieldRules.schedule(kind, request.scheduleCron());
        String map = ChannelFieldRules.modbusMap(kind, request.modbusMap(), maps);
        Long building = building(request.buildingId(), scope);
        audit.set(scope.actor());
        UUID id = channels.insert(kind, name, building, address, baud, cron,
                request.enabled() == null || request.enabled(), map);
        return channels.view(id, scope).orElseThrow();
    }

    /**
     * Changes the fields present in {@code patch}; absent fields keep their values, and
     * {@code scheduleCron} or {@code buildingId} set to null remove the schedule or the building.
     */
    @Transactional
    public ChannelView update(UUID id, ChannelPatch patch, AccessScope scope) {
        mayOperate(scope);
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        patch.check();
        String name = patch.name() != null ? ChannelFieldRules.name(patch.name().value()) : c.name();
        String address = patch.address() != null ? ChannelFieldRules.address(c.kind(), patch.address().value())
                : c.address();
        int baud = patch.baud() != null || (c.kind() == ChannelKind.MODBUS && patch.address() != null)
                ? ChannelFieldRules.baud(c.kind(), patch.baud() == null ? null : patch.baud().value(), address)
                : c.baud();
        String map = patch.modbusMap() != null ? ChannelFieldRules.modbusMap(c.kind(), patch.modbusMap().value(), maps)
                : c.modbusMap();
        String cron = patch.scheduleCron() != null
                ? ChannelFieldRules.schedule(c.kind(), patch.scheduleCron().value()) : c.scheduleCron();
        boolean enabled = patch.enabled() != null ? patch.enabled().value() : c.enabled();
        Long building = c.buildingId();
        if (patch.buildingId() != null) {
            building = building(patch.buildingId().value(), scope);
        }
        audit.set(scope.actor());
        channels.update(c.id(), name, address, baud, cron, enabled, building, map);
        // read back under the new building: a channel moved out of the caller's sight is not shown
        return channels.view(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
    }

    @Transactional
    public void delete(UUID id, AccessScope scope) {
        mayOperate(scope);
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        long meters = channels.meterCount(c.id());
        if (meters > 0) {
            throw new ConflictException("channel " + id + " still has " + meters + " meter(s) registered on it; "
                    + "move them to another channel first");
        }
        audit.set(scope.actor());
        channels.delete(c.id());
    }

    /** A new push token for a concentrator channel; the previous one stops working. */
    @Transactional
    public IssuedToken issueToken(UUID id, AccessScope scope) {
        mayOperate(scope);
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        if (c.kind() != ChannelKind.CONCENTRATOR) {
            throw new ConflictException("channel " + id + " is a " + c.kind() + "; only CONCENTRATOR channels push "
                    + "with a token");
        }
        audit.set(scope.actor());
        return new IssuedToken(id, tokens.issue(c.id()));
    }

    private static ChannelKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new BadRequestException("kind is required: SERIAL_PORT, TCP_GATEWAY, CONCENTRATOR or MODBUS");
        }
        try {
            return ChannelKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind '" + kind + "' is not one of SERIAL_PORT, TCP_GATEWAY, CONCENTRATOR, "
                    + "MODBUS");
        }
    }

    static void mayOperate(AccessScope scope) {
        if (!scope.mayOperateChannels()) {
            throw new AccessDeniedException(scope.role() + " may not change channels");
        }
    }

    /** The internal id of a building the scope sees in full; null (no building) for administrators only. */
    private Long building(UUID buildingId, AccessScope scope) {
        if (buildingId == null) {
            if (scope.role() != Role.ADMIN) {
                throw new AccessDeniedException("only an administrator may keep a channel without a building");
            }
            return null;
        }
        return channels.visibleBuildingId(buildingId, scope)
                .orElseThrow(() -> new NotFoundException("building", buildingId));
    }
}
