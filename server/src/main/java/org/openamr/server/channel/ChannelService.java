package org.openamr.server.channel;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openamr.server.api.BadRequestException;
import org.openamr.server.api.ConflictException;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.ingest.ConcentratorTokens;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.openamr.server.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    static final Set<String> PATCHABLE = Set.of("name", "address", "baud", "scheduleCron", "enabled", "buildingId");

    private final JdbcClient jdbc;
    private final ChannelRepository channels;
    private final AuditActor audit;
    private final ConcentratorTokens tokens;

    public ChannelService(JdbcClient jdbc, ChannelRepository channels, AuditActor audit, ConcentratorTokens tokens) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.audit = audit;
        this.tokens = tokens;
    }

    public record IssuedToken(UUID channelId, String token) {
    }

    @Transactional
    public ChannelView create(NewChannel request, AccessScope scope) {
        mayOperate(scope);
        ChannelKind kind = kind(request == null ? null : request.kind());
        String name = ChannelFieldRules.name(request.name());
        String address = ChannelFieldRules.address(kind, request.address());
        int baud = ChannelFieldRules.baud(request.baud());
        String cron = ChannelFieldRules.schedule(kind, request.scheduleCron());
        Long building = building(request.buildingId(), scope);
        audit.set(scope.actor());
        UUID id = jdbc.sql("""
                insert into acquisition_channel
                    (kind, name, building_id, address, baud, schedule_cron, schedule_since, enabled)
                values (:kind, :name, :building, :address, :baud, :cron,
                        case when :cron is null then null else now() end, :enabled)
                returning public_id""")
                .param("kind", kind.name()).param("name", name).param("building", building, java.sql.Types.BIGINT)
                .param("address", address, java.sql.Types.VARCHAR).param("baud", baud)
                .param("cron", cron, java.sql.Types.VARCHAR)
                .param("enabled", request.enabled() == null || request.enabled())
                .query(UUID.class).single();
        return channels.view(id, scope).orElseThrow();
    }

    /**
     * Changes the fields present in {@code patch}; absent fields keep their values, and
     * {@code scheduleCron} or {@code buildingId} set to null remove the schedule or the building.
     */
    @Transactional
    public ChannelView update(UUID id, Map<String, Object> patch, AccessScope scope) {
        mayOperate(scope);
        Channel c = channels.visible(id, scope).orElseThrow(() -> new NotFoundException("channel", id));
        if (patch == null || patch.isEmpty()) {
            throw new BadRequestException("nothing to change: give one or more of " + String.join(", ", PATCHABLE));
        }
        for (String key : patch.keySet()) {
            if ("kind".equals(key)) {
                throw new BadRequestException("kind cannot be changed; create a new channel of the other kind");
            }
            if (!PATCHABLE.contains(key)) {
                throw new BadRequestException("unknown field '" + key + "': a channel's changeable fields are "
                        + String.join(", ", PATCHABLE));
            }
        }
        Patch p = new Patch(patch);
        String name = p.has("name") ? ChannelFieldRules.name(p.string("name")) : c.name();
        String address = p.has("address") ? ChannelFieldRules.address(c.kind(), p.string("address")) : c.address();
        int baud = p.has("baud") ? ChannelFieldRules.baud(p.integer("baud")) : c.baud();
        String cron = p.has("scheduleCron") ? ChannelFieldRules.schedule(c.kind(), p.string("scheduleCron"))
                : c.scheduleCron();
        boolean enabled = p.has("enabled") ? p.bool("enabled") : c.enabled();
        Long building = c.buildingId();
        if (p.has("buildingId")) {
            building = building(p.uuid("buildingId"), scope);
        }
        audit.set(scope.actor());
        jdbc.sql("""
                update acquisition_channel set name = :name, address = :address, baud = :baud,
                    schedule_since = case when schedule_cron is distinct from :cron
                                          then case when :cron is null then null else now() end
                                          else schedule_since end,
                    schedule_cron = :cron, enabled = :enabled, building_id = :building
                where id = :id""")
                .param("name", name).param("address", address, java.sql.Types.VARCHAR).param("baud", baud)
                .param("cron", cron, java.sql.Types.VARCHAR).param("enabled", enabled)
                .param("building", building, java.sql.Types.BIGINT).param("id", c.id())
                .update();
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
        jdbc.sql("delete from acquisition_channel where id = :id").param("id", c.id()).update();
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
            throw new BadRequestException("kind is required: SERIAL_PORT, TCP_GATEWAY or CONCENTRATOR");
        }
        try {
            return ChannelKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind '" + kind + "' is not one of SERIAL_PORT, TCP_GATEWAY, CONCENTRATOR");
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
        return Sql.format("select b.id from building b where b.public_id = :id and %s", scope.wholeBuilding("b.id"))
                .on(jdbc).param("id", buildingId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("building", buildingId));
    }

    /** Typed access to a JSON object's fields, with errors naming the field. */
    private record Patch(Map<String, Object> fields) {
        boolean has(String key) {
            return fields.containsKey(key);
        }

        String string(String key) {
            Object v = fields.get(key);
            if (v != null && !(v instanceof String)) {
                throw new BadRequestException(key + " must be a string, was " + v);
            }
            return (String) v;
        }

        Integer integer(String key) {
            Object v = fields.get(key);
            if (v == null) {
                return null;
            }
            if (v instanceof Integer i) {
                return i;
            }
            throw new BadRequestException(key + " must be a whole number, was " + v);
        }

        boolean bool(String key) {
            Object v = fields.get(key);
            if (!(v instanceof Boolean b)) {
                throw new BadRequestException(key + " must be true or false, was " + v);
            }
            return b;
        }

        UUID uuid(String key) {
            String s = string(key);
            if (s == null) {
                return null;
            }
            try {
                return UUID.fromString(s);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(key + " '" + s + "' is not a UUID");
            }
        }
    }
}
