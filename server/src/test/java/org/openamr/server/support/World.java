package org.openamr.server.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.Role;
import org.openamr.server.security.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two buildings of two management companies, served by two service companies, with apartments,
 * points, installed meters, readings and events, and one user (with an API token) per role: the
 * operator, the manager and the resident all belong to building A, apartment A1. What is in
 * building B, and in apartment A2 for the resident, is what they must never see.
 */
public final class World {

    public final UUID managementA;
    public final UUID managementB;
    public final UUID serviceA;
    public final UUID serviceB;
    public final UUID buildingA;
    public final UUID buildingB;
    public final UUID premiseA1;
    public final UUID premiseA2;
    public final UUID premiseB1;
    public final UUID pointA1;
    public final UUID pointA2;
    public final UUID pointAHouse;
    public final UUID pointB1;
    public final UUID meterA1;
    public final UUID meterA2;
    public final UUID meterB1;
    public final UUID channelA;
    public final UUID channelB;
    public final Map<Role, String> tokens = new EnumMap<>(Role.class);
    public final Map<Role, String> usernames = new EnumMap<>(Role.class);

    private final JdbcClient jdbc;
    private final long channelAId;

    private static final Map<String, World> BY_DATABASE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The world of this test context's database, built on first use: test classes with the same
     * configuration share a Spring context and so a database.
     */
    public static World in(JdbcClient jdbc, String passwordHash) {
        String db = jdbc.sql("select current_database()").query(String.class).single();
        return BY_DATABASE.computeIfAbsent(db, k -> new World(jdbc, passwordHash));
    }

    private World(JdbcClient jdbc, String passwordHash) {
        this.jdbc = jdbc;
        long mA = org("MANAGEMENT", "УК А");
        long mB = org("MANAGEMENT", "УК Б");
        long sA = org("SERVICE", "Сервис А");
        long sB = org("SERVICE", "Сервис Б");
        managementA = pid("organisation", mA);
        managementB = pid("organisation", mB);
        serviceA = pid("organisation", sA);
        serviceB = pid("organisation", sB);
        long bA = building("ул. Первая, 1", mA, sA);
        long bB = building("ул. Вторая, 2", mB, sB);
        buildingA = pid("building", bA);
        buildingB = pid("building", bB);
        long pA1 = premise(bA, "1");
        long pA2 = premise(bA, "2");
        long pB1 = premise(bB, "1");
        premiseA1 = pid("premise", pA1);
        premiseA2 = pid("premise", pA2);
        premiseB1 = pid("premise", pB1);
        long cA = channel(bA, "Шлюз А");
        long cB = channel(bB, "Шлюз Б");
        channelAId = cA;
        channelA = pid("acquisition_channel", cA);
        channelB = pid("acquisition_channel", cB);
        long ptA1 = point(bA, pA1, "HEAT");
        long ptA2 = point(bA, pA2, "HEAT");
        long ptAH = point(bA, null, "HEAT");
        long ptB1 = point(bB, pB1, "HEAT");
        pointA1 = pid("metering_point", ptA1);
        pointA2 = pid("metering_point", ptA2);
        pointAHouse = pid("metering_point", ptAH);
        pointB1 = pid("metering_point", ptB1);
        long mtA1 = meter("10000001", cA, ptA1);
        // like a Danfoss heat meter, A1's meter also counts the flat's cold water on its pulse input 1
        long ptA1Cold = jdbc.sql("insert into metering_point (building_id, premise_id, resource, subunit)"
                + " values (?, ?, 'COLD_WATER', 1) returning id").params(bA, pA1).query(Long.class).single();
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, '2025-01-01T00:00:00Z')")
                .params(mtA1, ptA1Cold).update();
        long mtA2 = meter("10000002", cA, ptA2);
        meter("10000009", cA, ptAH);
        long mtB1 = meter("20000001", cB, ptB1);
        meterA1 = pid("meter", mtA1);
        meterA2 = pid("meter", mtA2);
        meterB1 = pid("meter", mtB1);
        user(Role.ADMIN, "admin", null, null, passwordHash);
        user(Role.OPERATOR, "operator", sA, null, passwordHash);
        user(Role.MANAGER, "manager", mA, null, passwordHash);
        user(Role.RESIDENT, "resident", null, pA1, passwordHash);
    }

    /** A fresh meter found on channel A and not installed: something operators and managers of A may assign. */
    public UUID unassignedMeterOnA(String serial) {
        long id = jdbc.sql("insert into meter (manufacturer, serial, channel_id) values ('DFS', ?, ?) returning id")
                .params(serial, channelAId).query(Long.class).single();
        return pid("meter", id);
    }

    /** A channel of building A or B with no meters, e.g. for deleting it. */
    public UUID emptyChannel(boolean inA, String kind) {
        long building = jdbc.sql("select id from building where public_id = ?").param(inA ? buildingA : buildingB)
                .query(Long.class).single();
        boolean concentrator = "CONCENTRATOR".equals(kind);
        long id = jdbc.sql("insert into acquisition_channel (kind, name, building_id, address) values (?, ?, ?, ?) returning id")
                .params(kind, "empty", building, concentrator ? null : "tcp://127.0.0.1:9").query(Long.class).single();
        return pid("acquisition_channel", id);
    }

    /** A finished poll run of the channel and a finished job, as if someone had pressed "read now". */
    public UUID[] runAndJob(UUID channel) {
        long channelId = jdbc.sql("select id from acquisition_channel where public_id = ?").param(channel)
                .query(Long.class).single();
        long run = jdbc.sql("insert into poll_run (channel_id, kind, trigger, actor, instance, finished_at, status)"
                + " values (?, 'POLL', 'MANUAL', 'user:admin', 'test', now(), 'OK') returning id")
                .param(channelId).query(Long.class).single();
        long job = jdbc.sql("insert into channel_job (channel_id, kind, status, requested_by, instance, run_id)"
                + " values (?, 'POLL', 'DONE', 'user:admin', 'test', ?) returning id")
                .params(channelId, run).query(Long.class).single();
        return new UUID[] {pid("poll_run", run), pid("channel_job", job)};
    }

    private long org(String kind, String name) {
        return jdbc.sql("insert into organisation (kind, name) values (?, ?) returning id").params(kind, name)
                .query(Long.class).single();
    }

    private long building(String address, long management, long service) {
        long id = jdbc.sql("insert into building (address, management_org_id, service_org_id) values (?, ?, ?) returning id")
                .params(address, management, service).query(Long.class).single();
        jdbc.sql("insert into entrance (building_id, number) values (?, 1)").param(id).update();
        return id;
    }

    private long premise(long building, String number) {
        return jdbc.sql("insert into premise (building_id, number, kind) values (?, ?, 'APARTMENT') returning id")
                .params(building, number).query(Long.class).single();
    }

    private long channel(long building, String name) {
        return jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address, baud)
                values ('TCP_GATEWAY', ?, ?, 'tcp://127.0.0.1:9', 2400) returning id""")
                .params(name, building).query(Long.class).single();
    }

    private long point(long building, Long premise, String resource) {
        return jdbc.sql("insert into metering_point (building_id, premise_id, resource) values (?, ?, ?) returning id")
                .params(building, premise, resource).query(Long.class).single();
    }

    private long meter(String serial, long channel, long point) {
        long id = jdbc.sql("insert into meter (manufacturer, serial, channel_id) values ('DFS', ?, ?) returning id")
                .params(serial, channel).query(Long.class).single();
        Instant installed = Instant.parse("2025-01-01T00:00:00Z");
        jdbc.sql("insert into meter_installation (meter_id, point_id, installed_at) values (?, ?, ?)")
                .params(id, point, Timestamp.from(installed)).update();
        long register = jdbc.sql("""
                insert into register (meter_id, quantity, unit, cumulative) values (?, 'ENERGY', 'kWh', true) returning id""")
                .param(id).query(Long.class).single();
        jdbc.sql("create table if not exists reading_y2026m01 partition of reading for values from ('2026-01-01') to ('2026-02-01')")
                .update();
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values (?, ?, ?, 'POLL')")
                .params(register, Timestamp.from(Instant.parse("2026-01-10T00:00:00Z")), new BigDecimal("1234.5")).update();
        jdbc.sql("""
                insert into meter_event (meter_id, occurred_at, kind, code, label_en, label_ru, source)
                values (?, '2026-01-10T00:00:00Z', 'RAISED', 'E1', 'Error', 'Ошибка', 'POLL')""").param(id).update();
        return id;
    }

    private void user(Role role, String name, Long org, Long premise, String passwordHash) {
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, role, organisation_id, premise_id)
                values (?, ?, ?, ?, ?) returning id""")
                .params(name, passwordHash, role.name(), org, premise).query(Long.class).single();
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, 'test', ?)")
                .params(id, Tokens.hash(token)).update();
        tokens.put(role, token);
        usernames.put(role, name);
    }

    private UUID pid(String table, long id) {
        return jdbc.sql("select public_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }
}
