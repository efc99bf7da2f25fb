package org.openamr.server.meter;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openamr.acquisition.readout.MeterIdentity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the registry's meter for what a route says about a meter, and registers a meter nobody
 * entered yet instead of dropping its values: it then waits, with its readings, for assignment.
 * Matching: maker + serial; a route that knows no maker (a concentrator's METER_ID) matches by
 * serial when exactly one meter has it; a maker-less entry is completed when the maker shows up.
 *
 * <p>A channel matches only meters of its own scope ({@link #SCOPE}): meters it reaches itself,
 * meters of its operator's registry (the building's service company, else its management company)
 * and meters installed now in a building of that operator. A serial outside that scope is another
 * organisation's meter or a wrong number; either way the channel's sighting becomes a meter of its
 * own operator's registry (unassigned), and the other organisation's meter is never touched. Meter
 * identity is unique per owner ({@code meter.owner_org_id}, null: the administrators' registry), so
 * two companies may both have a meter with one serial.
 */
@Component
public class MeterResolver {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public MeterResolver(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Resolved(long meterId, boolean created) {
    }

    /** More meters new to the registry than one batch may register (a push's cap). */
    public static final class TooManyNewMeters extends RuntimeException {

        public TooManyNewMeters(int limit) {
            super("more than " + limit + " meters new to the registry");
        }
    }

    /**
     * Which meters a channel matches, as SQL on meter {@code m} with parameters {@code :channel} and
     * {@code :operator}: the channel's own meters, its operator's registry, meters installed now in
     * its operator's buildings. Without a channel (the server's own writes: demo, imports) every meter.
     */
    static final String SCOPE = """
            (:channel::bigint is null
             or m.channel_id = :channel
             or """ + Meters.OPERATOR_SCOPE + ")";

    /** The channel and its operator, whose registry the channel's new meters join. */
    private record Scope(Long channel, Long operator) {
    }

    private Scope scope(Long channelId) {
        if (channelId == null) {
            return new Scope(null, null);
        }
        Long operator = jdbc.sql("""
                select coalesce(b.service_org_id, b.management_org_id) from acquisition_channel c
                left join building b on b.id = c.building_id where c.id = ?""")
                .param(channelId).query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
        return new Scope(channelId, operator);
    }

    /** Call inside the transaction that stores the meter's values. */
    public Resolved resolve(MeterIdentity identity, Instant seenAt, Long channelId) {
        return resolve(identity, seenAt, scope(channelId));
    }

    private Resolved resolve(MeterIdentity identity, Instant seenAt, Scope scope) {
        Long channelId = scope.channel();
        Optional<Long> found = find(identity, scope);
        if (found.isPresent()) {
            touch(found.get(), identity, seenAt, channelId);
            return new Resolved(found.get(), false);
        }
        Long id = jdbc.sql("""
                insert into meter (owner_org_id, manufacturer, serial, mbus_version, mbus_medium, channel_id,
                                   first_seen_at, last_seen_at)
                values (:owner, :man, :serial, :version, :medium, :channel, :seen, :seen)
                on conflict (coalesce(owner_org_id, 0), coalesce(manufacturer, ''), serial) do nothing
                returning id""")
                .param("owner", scope.operator(), java.sql.Types.BIGINT)
                .param("man", identity.manufacturer().orElse(null))
                .param("serial", identity.serial())
                .param("version", identity.version().orElse(null))
                .param("medium", identity.medium().orElse(null))
                .param("channel", channelId)
                .param("seen", java.sql.Timestamp.from(seenAt))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // another transaction registered it a moment ago
            long existing = find(identity, scope).orElseThrow();
            touch(existing, identity, seenAt, channelId);
            return new Resolved(existing, false);
        }
        return new Resolved(id, true);
    }

    /** A meter of the registry as far as matching needs it; the maker is filled in as matching would. */
    private static final class Known {
        final long id;
        String manufacturer;

        Known(long id, String manufacturer) {
            this.id = id;
            this.manufacturer = manufacturer;
        }
    }

    /** What touching a meter for several sightings in one batch comes to. */
    private static final class Touch {
        String manufacturer;
        Integer version;
        Integer medium;
        Instant first;
        Instant last;

        void add(MeterIdentity identity, Instant seenAt) {
            manufacturer = manufacturer != null ? manufacturer : identity.manufacturer().orElse(null);
            version = version != null ? version : identity.version().orElse(null);
            medium = medium != null ? medium : identity.medium().orElse(null);
            first = first == null || seenAt.isBefore(first) ? seenAt : first;
            last = last == null || seenAt.isAfter(last) ? seenAt : last;
        }
    }

    /**
     * {@link #resolve} for every meter of a batch, with the same matching and the same result, in one
     * query and one update for the meters already registered (a push names hundreds of them every
     * few minutes); meters not registered yet are registered one by one by {@link #resolve}. Call
     * inside the transaction that stores the meters' values.
     *
     * @param seenAt one time per identity
     */
    public List<Resolved> resolveAll(List<MeterIdentity> identities, List<Instant> seenAt, Long channelId) {
        return resolveAll(identities, seenAt, channelId, Integer.MAX_VALUE);
    }

    /**
     * As {@link #resolveAll(List, List, Long)}, registering at most {@code maxNew} meters.
     *
     * @throws TooManyNewMeters when the batch names more new meters; the caller rolls back
     */
    public List<Resolved> resolveAll(List<MeterIdentity> identities, List<Instant> seenAt, Long channelId,
            int maxNew) {
        Scope scope = scope(channelId);
        String[] serials = identities.stream().map(MeterIdentity::serial).distinct().toArray(String[]::new);
        Map<String, List<Known>> bySerial = new HashMap<>();
        jdbc.sql("select m.id, m.manufacturer, m.serial from meter m where m.serial = any(:serials) and " + SCOPE
                        + " order by m.manufacturer nulls first, m.id")
                .param("serials", template.execute((ConnectionCallback<java.sql.Array>) c ->
                        c.createArrayOf("text", serials)))
                .param("channel", scope.channel(), java.sql.Types.BIGINT)
                .param("operator", scope.operator(), java.sql.Types.BIGINT)
                .query(rs -> {
                    bySerial.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                            .add(new Known(rs.getLong(1), rs.getString(2)));
                });
        int created = 0;
        Map<Long, Touch> touches = new LinkedHashMap<>();
        List<Resolved> resolved = new ArrayList<>(identities.size());
        for (int i = 0; i < identities.size(); i++) {
            MeterIdentity identity = identities.get(i);
            Known known = pick(identity, bySerial.getOrDefault(identity.serial(), List.of()));
            if (known != null) {
                if (known.manufacturer == null) {
                    // as the touch will, so that the rest of the batch matches against the same registry
                    known.manufacturer = identity.manufacturer().orElse(null);
                }
                touches.computeIfAbsent(known.id, k -> new Touch()).add(identity, seenAt.get(i));
                resolved.add(new Resolved(known.id, false));
                continue;
            }
            // the one-by-one path must see the registry as it would have after the earlier sightings
            touchAll(touches, channelId);
            touches.clear();
            Resolved r = resolve(identity, seenAt.get(i), scope);
            if (r.created() && ++created > maxNew) {
                throw new TooManyNewMeters(maxNew);
            }
            resolved.add(r);
            bySerial.put(identity.serial(), new ArrayList<>(sameSerial(identity.serial(), scope)));
        }
        touchAll(touches, channelId);
        return resolved;
    }

    /**
     * Which registered meter a sighting is: maker and serial; a maker-less registry entry with that
     * serial; without a maker, the only meter with the serial, else the maker-less one.
     */
    private static Known pick(MeterIdentity identity, List<Known> sameSerial) {
        if (identity.manufacturer().isPresent()) {
            String maker = identity.manufacturer().get();
            for (Known k : sameSerial) {
                if (maker.equals(k.manufacturer)) {
                    return k;
                }
            }
            return makerless(sameSerial);
        }
        if (sameSerial.size() == 1) {
            return sameSerial.get(0);
        }
        return makerless(sameSerial);
    }

    private static Known makerless(List<Known> sameSerial) {
        for (Known k : sameSerial) {
            if (k.manufacturer == null) {
                return k;
            }
        }
        return null;
    }

    /** {@link #touch} for many meters in one statement, writing only rows that change. */
    private void touchAll(Map<Long, Touch> touches, Long channelId) {
        if (touches.isEmpty()) {
            return;
        }
        int n = touches.size();
        Long[] ids = new Long[n];
        String[] makers = new String[n];
        Integer[] versions = new Integer[n];
        Integer[] media = new Integer[n];
        Timestamp[] first = new Timestamp[n];
        Timestamp[] last = new Timestamp[n];
        int i = 0;
        for (var e : touches.entrySet()) {
            ids[i] = e.getKey();
            makers[i] = e.getValue().manufacturer;
            versions[i] = e.getValue().version;
            media[i] = e.getValue().medium;
            first[i] = Timestamp.from(e.getValue().first);
            last[i] = Timestamp.from(e.getValue().last);
            i++;
        }
        template.execute((ConnectionCallback<Integer>) c -> {
            try (var ps = c.prepareStatement("""
                    update meter m set
                        manufacturer = coalesce(m.manufacturer, case when not exists (select 1 from meter o
                            where o.serial = m.serial and o.manufacturer = t.man
                              and coalesce(o.owner_org_id, 0) = coalesce(m.owner_org_id, 0)) then t.man end),
                        mbus_version = coalesce(m.mbus_version, t.version),
                        mbus_medium = coalesce(m.mbus_medium, t.medium),
                        channel_id = coalesce(m.channel_id, ?),
                        first_seen_at = least(coalesce(m.first_seen_at, t.first), t.first),
                        last_seen_at = greatest(coalesce(m.last_seen_at, t.last), t.last)
                    from unnest(?::bigint[], ?::text[], ?::int[], ?::int[], ?::timestamptz[], ?::timestamptz[])
                        as t(id, man, version, medium, first, last)
                    where m.id = t.id
                      and (m.manufacturer is null and t.man is not null or m.mbus_version is null and t.version is not null
                           or m.mbus_medium is null and t.medium is not null
                           or m.channel_id is null and ?::bigint is not null
                           or m.last_seen_at is null or m.last_seen_at < t.last or m.first_seen_at > t.first)""")) {
                if (channelId == null) {
                    ps.setNull(1, java.sql.Types.BIGINT);
                    ps.setNull(8, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(1, channelId);
                    ps.setLong(8, channelId);
                }
                ps.setArray(2, c.createArrayOf("bigint", ids));
                ps.setArray(3, c.createArrayOf("text", makers));
                ps.setArray(4, c.createArrayOf("int4", versions));
                ps.setArray(5, c.createArrayOf("int4", media));
                ps.setArray(6, c.createArrayOf("timestamptz", first));
                ps.setArray(7, c.createArrayOf("timestamptz", last));
                return ps.executeUpdate();
            }
        });
    }

    private Optional<Long> find(MeterIdentity identity, Scope scope) {
        return Optional.ofNullable(pick(identity, sameSerial(identity.serial(), scope))).map(k -> k.id);
    }

    /** The meters of the scope with this serial, in the order {@link #pick} expects. */
    private List<Known> sameSerial(String serial, Scope scope) {
        return jdbc.sql("select m.id, m.manufacturer from meter m where m.serial = :serial and " + SCOPE
                        + " order by m.manufacturer nulls first, m.id")
                .param("serial", serial)
                .param("channel", scope.channel(), java.sql.Types.BIGINT)
                .param("operator", scope.operator(), java.sql.Types.BIGINT)
                .query((rs, n) -> new Known(rs.getLong(1), rs.getString(2))).list();
    }

    private void touch(long meterId, MeterIdentity identity, Instant seenAt, Long channelId) {
        jdbc.sql("""
                update meter m set
                    manufacturer = coalesce(manufacturer, case when not exists (select 1 from meter o
                        where o.serial = m.serial and o.manufacturer = :man
                          and coalesce(o.owner_org_id, 0) = coalesce(m.owner_org_id, 0)) then :man end),
                    mbus_version = coalesce(mbus_version, :version),
                    mbus_medium = coalesce(mbus_medium, :medium),
                    channel_id = coalesce(channel_id, :channel),
                    first_seen_at = least(coalesce(first_seen_at, :seen), :seen),
                    last_seen_at = greatest(coalesce(last_seen_at, :seen), :seen)
                where id = :id
                  and (manufacturer is null and :man is not null or mbus_version is null and :version is not null
                       or mbus_medium is null and :medium is not null or channel_id is null and :channel is not null
                       or last_seen_at is null or last_seen_at < :seen or first_seen_at > :seen)""")
                .param("man", identity.manufacturer().orElse(null), java.sql.Types.VARCHAR)
                .param("version", identity.version().orElse(null), java.sql.Types.INTEGER)
                .param("medium", identity.medium().orElse(null), java.sql.Types.INTEGER)
                .param("channel", channelId, java.sql.Types.BIGINT)
                .param("seen", java.sql.Timestamp.from(seenAt))
                .param("id", meterId)
                .update();
    }
}
