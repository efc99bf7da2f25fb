package org.openamr.server.channel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openamr.server.api.Page;
import org.openamr.server.meter.MeterChannels;
import org.openamr.server.security.AccessScope;
import org.openamr.server.sql.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channels in {@code acquisition_channel}. A channel is seen by whoever sees its whole building
 * ({@link AccessScope#wholeBuilding}): administrators, the building's service and management
 * companies, never a resident; a channel without a building only by administrators.
 */
@Repository
public class ChannelRepository implements MeterChannels {

    private static final String FROM = """
            from acquisition_channel c
            left join building b on b.id = c.building_id
            """;

    private static final String CHANNEL_COLUMNS = """
            c.id, c.public_id, c.kind, c.name, c.building_id, b.public_id as building_public_id, c.address, c.baud,
            c.schedule_cron, c.schedule_since, c.enabled, c.token_hash is not null as has_token, c.created_at,
            b.time_zone, c.modbus_map""";

    static final RowMapper<Channel> ROW = (rs, n) -> channel(rs);

    private final JdbcClient jdbc;

    public ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A channel by its internal id, whoever asks: for the poller, never for answering a request. */
    public Optional<Channel> byId(long id) {
        return jdbc.sql("select " + CHANNEL_COLUMNS + " " + FROM + " where c.id = :id")
                .param("id", id).query(ROW).optional();
    }

    /** A channel the scope sees, by its public id. */
    public Optional<Channel> visible(UUID publicId, AccessScope scope) {
        return Sql.format("select " + CHANNEL_COLUMNS + " " + FROM + " where c.public_id = :id and %s",
                        scope.wholeBuilding("c.building_id"))
                .on(jdbc).param("id", publicId).query(ROW).optional();
    }

    @Override
    public Optional<Long> visibleChannelId(UUID publicId, AccessScope scope) {
        return visible(publicId, scope).map(Channel::id);
    }

    @Override
    public boolean modbus(long channelId) {
        return jdbc.sql("select kind = 'MODBUS' from acquisition_channel where id = :id").param("id", channelId)
                .query(Boolean.class).optional().orElse(false);
    }

    public Optional<ChannelView> view(UUID publicId, AccessScope scope) {
        return Sql.format(viewSelect() + " where c.public_id = :id and %s", scope.wholeBuilding("c.building_id"))
                .on(jdbc).param("id", publicId).query((rs, n) -> view(rs)).optional();
    }

    /** @param buildingId only channels of this building, or all */
    public Page<ChannelView> list(AccessScope scope, UUID buildingId, ChannelKind kind, int page, int size) {
        Page.check(page, size);
        Sql where = scope.wholeBuilding("c.building_id");
        if (buildingId != null) {
            where = where.and(Sql.of("b.public_id = :building").param("building", buildingId));
        }
        if (kind != null) {
            where = where.and(Sql.of("c.kind = :kind").param("kind", kind.name()));
        }
        long total = Sql.format("select count(*) " + FROM + " where %s", where).on(jdbc).query(Long.class).single();
        List<ChannelView> items = Sql.format(viewSelect() + " where %s order by c.name, c.id limit :limit offset :offset",
                        where)
                .on(jdbc).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs)).list();
        return new Page<>(items, page, size, total);
    }

    /** A channel with a schedule, and when its schedule last started a run (null: never). */
    public record Scheduled(Channel channel, java.time.Instant lastScheduledStart) {
    }

    /** Enabled polled channels with a schedule, for the poller; whoever asks. */
    public List<Scheduled> scheduled() {
        return jdbc.sql("select " + CHANNEL_COLUMNS + """
                , (select max(r.started_at) from poll_run r where r.channel_id = c.id and r.trigger = 'SCHEDULE')
                  as last_scheduled
                """ + FROM + """
                where c.enabled and c.kind <> 'CONCENTRATOR' and c.schedule_cron is not null order by c.id""")
                .query((rs, n) -> new Scheduled(channel(rs), RunView.instant(rs, "last_scheduled"))).list();
    }

    /** Meters registered on the channel. */
    public long meterCount(long channelId) {
        return jdbc.sql("select count(*) from meter where channel_id = :id").param("id", channelId)
                .query(Long.class).single();
    }

    /** @return the new channel's public id */
    public UUID insert(ChannelKind kind, String name, Long buildingId, String address, int baud, String cron,
            boolean enabled, String modbusMap) {
        return jdbc.sql("""
                insert into acquisition_channel
                    (kind, name, building_id, address, baud, schedule_cron, schedule_since, enabled, modbus_map)
                values (:kind, :name, :building, :address, :baud, :cron,
                        case when :cron is null then null else now() end, :enabled, :map)
                returning public_id""")
                .param("kind", kind.name()).param("name", name).param("building", buildingId, java.sql.Types.BIGINT)
                .param("address", address, java.sql.Types.VARCHAR).param("baud", baud)
                .param("cron", cron, java.sql.Types.VARCHAR)
                .param("enabled", enabled).param("map", modbusMap, java.sql.Types.VARCHAR)
                .query(UUID.class).single();
    }

    /** Stores a channel's fields; a changed schedule counts its slots from now (none before the change). */
    public void update(long id, String name, String address, int baud, String cron, boolean enabled, Long buildingId,
            String modbusMap) {
        jdbc.sql("""
                update acquisition_channel set name = :name, address = :address, baud = :baud,
                    schedule_since = case when schedule_cron is distinct from :cron
                                          then case when :cron is null then null else now() end
                                          else schedule_since end,
                    schedule_cron = :cron, enabled = :enabled, building_id = :building, modbus_map = :map
                where id = :id""")
                .param("name", name).param("address", address, java.sql.Types.VARCHAR).param("baud", baud)
                .param("cron", cron, java.sql.Types.VARCHAR).param("enabled", enabled)
                .param("building", buildingId, java.sql.Types.BIGINT).param("map", modbusMap, java.sql.Types.VARCHAR)
                .param("id", id).update();
    }

    public void delete(long id) {
        jdbc.sql("delete from acquisition_channel where id = :id").param("id", id).update();
    }

    /** The internal id of a building the scope sees in full (a channel's building must be). */
    public Optional<Long> visibleBuildingId(UUID buildingId, AccessScope scope) {
        return Sql.format("select b.id from building b where b.public_id = :id and %s", scope.wholeBuilding("b.id"))
                .on(jdbc).param("id", buildingId).query(Long.class).optional();
    }

    /** The meters registered on a channel, to poll them, in the order a poll reads them. */
    List<RegisteredMeter> registeredMeters(long channelId) {
        return jdbc.sql("""
                select id, serial, manufacturer, model, bus_address, mbus_version, mbus_medium from meter
                where channel_id = :channel order by bus_address nulls last, serial""")
                .param("channel", channelId)
                .query((rs, n) -> new RegisteredMeter(rs.getLong("id"), rs.getString("serial"),
                        rs.getString("manufacturer"), (Integer) rs.getObject("bus_address"),
                        (Integer) rs.getObject("mbus_version"), (Integer) rs.getObject("mbus_medium"),
                        rs.getString("model")))
                .list();
    }

    /**
     * Registers a meter heard on a channel's bus on that channel, with the primary address a scan found it at
     * (null: keep the stored one); another meter of the channel that had that address loses it.
     */
    void putOnChannel(long meterId, long channelId, Integer primary) {
        if (primary != null) {
            jdbc.sql("update meter set bus_address = null where channel_id = :channel and bus_address = :primary "
                            + "and id <> :id")
                    .param("channel", channelId).param("primary", primary).param("id", meterId).update();
        }
        jdbc.sql("""
                update meter set channel_id = :channel, bus_address = coalesce(:primary, bus_address)
                where id = :id and (channel_id is distinct from :channel
                                    or bus_address is distinct from coalesce(:primary, bus_address))""")
                .param("channel", channelId).param("primary", primary, java.sql.Types.INTEGER).param("id", meterId)
                .update();
    }

    private static String viewSelect() {
        return "select " + CHANNEL_COLUMNS + ", (select count(*) from meter m where m.channel_id = c.id) as meters, "
                + RunView.columns("r") + " " + FROM + """
                 left join lateral (select * from poll_run x where x.channel_id = c.id and x.kind = 'POLL'
                                    order by x.started_at desc, x.id desc limit 1) r on true
                """;
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        return new Channel(rs.getLong("id"), rs.getObject("public_id", UUID.class),
                ChannelKind.valueOf(rs.getString("kind")), rs.getString("name"), (Long) rs.getObject("building_id"),
                rs.getObject("building_public_id", UUID.class), rs.getString("address"), rs.getInt("baud"),
                rs.getString("schedule_cron"), RunView.instant(rs, "schedule_since"), rs.getBoolean("enabled"),
                rs.getBoolean("has_token"), RunView.instant(rs, "created_at"), rs.getString("time_zone"),
                rs.getString("modbus_map"));
    }

    private static ChannelView view(ResultSet rs) throws SQLException {
        Channel c = channel(rs);
        return new ChannelView(c.publicId(), c.kind(), c.name(), c.buildingPublicId(), c.address(), c.baud(),
                c.scheduleCron(), c.enabled(), c.hasToken(), c.createdAt(), rs.getLong("meters"), RunView.map(rs),
                c.modbusMap());
    }
}
