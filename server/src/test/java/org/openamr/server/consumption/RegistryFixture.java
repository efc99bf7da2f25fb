package org.openamr.server.consumption;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a small registry with plain SQL. Test classes share one database (Spring caches the
 * context), so every building, user and meter serial made here is new. Other packages' API tests use it too.
 */
public final class RegistryFixture {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcClient jdbc;
    private final ReadingPartitions partitions;

    public RegistryFixture(JdbcClient jdbc, ReadingPartitions partitions) {
        this.jdbc = jdbc;
        this.partitions = partitions;
    }

    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    public long organisation(String kind) {
        return jdbc.sql("insert into organisation (kind, name) values (?, ?) returning id")
                .params(kind, unique("org-")).query(Long.class).single();
    }

    public long building(long managementOrg, String zone) {
        return jdbc.sql("insert into building (address, management_org_id, time_zone) values (?, ?, ?) returning id")
                .params(unique("ул. Тестовая, д. "), managementOrg, zone).query(Long.class).single();
    }

    public long entrance(long building, int number) {
        return jdbc.sql("insert into entrance (building_id, number) values (?, ?) returning id")
                .params(building, number).query(Long.class).single();
    }

    public long premise(long building, Long entrance, String number) {
        return jdbc.sql("insert into premise (building_id, entrance_id, number, kind) values (?, ?, ?, 'APARTMENT') returning id")
                .params(building, entrance, number).query(Long.class).single();
    }

    /** A point with the resource's default register (quantity from the V6 trigger, tariff and subunit 0). */
    public long point(long building, Long premise, String resource) {
        return jdbc.sql("insert into metering_point (building_id, premise_id, resource) values (?, ?, ?) returning id")
                .params(building, premise, resource).query(Long.class).single();
    }

    public long point(long building, Long premise, String resource, int subunit) {
        return jdbc.sql("insert into metering_point (building_id, premise_id, resource, subunit) values (?, ?, ?, ?) returning id")
                .params(building, premise, resource, subunit).query(Long.class).single();
    }

    public long meter(String serial, Integer registerDigits) {
        return jdbc.sql("insert into meter (serial, register_digits) values (?, ?) returning id")
                .params(serial, registerDigits).query(Long.class).single();
    }

    /** A TCP gateway channel of the building, polled on demand only. */
    public long channel(long building, String name) {
        return jdbc.sql("""
                insert into acquisition_channel (kind, name, building_id, address) values ('TCP_GATEWAY', ?, ?,
                    'tcp://127.0.0.1:9') returning id""").params(name, building).query(Long.class).single();
    }

    /** The meter is read through the channel. */
    public void onChannel(long meter, long channel) {
        jdbc.sql("update meter set channel_id = ? where id = ?").params(channel, meter).update();
    }

    public void install(long meter, long point, Instant from, Instant to, String initialValue, String finalValue) {
        jdbc.sql("""
                insert into meter_installation (meter_id, point_id, installed_at, removed_at, initial_value, final_value)
                values (?, ?, ?, ?, ?::numeric, ?::numeric)""")
                .params(meter, point, Timestamp.from(from), to == null ? null : Timestamp.from(to), initialValue, finalValue)
                .update();
    }

    public long register(long meter, String quantity, String unit, int storage, int subunit) {
        return jdbc.sql("""
                insert into register (meter_id, quantity, unit, storage, subunit, cumulative)
                values (?, ?, ?, ?, ?, true) returning id""")
                .params(meter, quantity, unit, storage, subunit).query(Long.class).single();
    }

    public void reading(long register, Instant at, String value) {
        partitions.ensure(ReadingPartitions.monthOf(at));
        jdbc.sql("insert into reading (register_id, measured_at, value, source) values (?, ?, ?::numeric, 'IMPORT')")
                .params(register, Timestamp.from(at), value).update();
    }

    public UUID publicId(String table, long id) {
        return jdbc.sql("select public_id from " + table + " where id = ?").param(id).query(UUID.class).single();
    }

    /** A user of the role with an API token; returns the token. */
    public String token(String role, Long organisation, Long premise) {
        long user = jdbc.sql("""
                insert into app_user (username, password_hash, role, organisation_id, premise_id)
                values (?, '{noop}not-used', ?, ?, ?) returning id""")
                .params(unique("user"), role, organisation, premise).query(Long.class).single();
        String token = Tokens.newToken(ApiTokenFilter.PREFIX);
        jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, 'test', ?)")
                .params(user, Tokens.hash(token)).update();
        return token;
    }

    public void partitions(YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            partitions.ensure(m);
        }
    }
}
