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
            b.time_zone""";

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
                rs.getBoolean("has_token"), RunView.instant(rs, "created_at"), rs.getString("time_zone"));
    }

    private static ChannelView view(ResultSet rs) throws SQLException {
        Channel c = channel(rs);
        return new ChannelView(c.publicId(), c.kind(), c.name(), c.buildingPublicId(), c.address(), c.baud(),
                c.scheduleCron(), c.enabled(), c.hasToken(), c.createdAt(), rs.getLong("meters"), RunView.map(rs));
    }
}
