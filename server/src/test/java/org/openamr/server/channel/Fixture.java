package org.openamr.server.channel;

import java.util.UUID;
import org.openamr.server.security.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two buildings with their companies, and one user of each role with an API token: building 1 is
 * managed by {@code mgmtA} and served by {@code serviceS}; building 2 belongs to other companies.
 * Names carry a random part, so that test classes sharing a database do not collide.
 */
record Fixture(long building1, UUID building1Id, long building2, UUID building2Id, String admin, String operator,
               String otherOperator, String manager, String resident) {

    static Fixture create(JdbcClient jdbc) {
        String s = UUID.randomUUID().toString().substring(0, 8);
        long mgmtA = org(jdbc, "MANAGEMENT", "УК А " + s);
        long serviceS = org(jdbc, "SERVICE", "Сервис С " + s);
        long mgmtB = org(jdbc, "MANAGEMENT", "УК Б " + s);
        long serviceT = org(jdbc, "SERVICE", "Сервис Т " + s);
        long b1 = building(jdbc, "ул. Первая, 1 " + s, mgmtA, serviceS);
        long b2 = building(jdbc, "ул. Вторая, 2 " + s, mgmtB, serviceT);
        long premise = jdbc.sql(
                        "insert into premise (building_id, number, kind) values (?, '1', 'APARTMENT') returning id")
                .param(b1).query(Long.class).single();
        return new Fixture(b1, publicId(jdbc, b1), b2, publicId(jdbc, b2),
                user(jdbc, "admin" + s, "ADMIN", null, null),
                user(jdbc, "operator" + s, "OPERATOR", serviceS, null),
                user(jdbc, "operator2" + s, "OPERATOR", serviceT, null),
                user(jdbc, "manager" + s, "MANAGER", mgmtA, null),
                user(jdbc, "resident" + s, "RESIDENT", null, premise));
    }

    private static long org(JdbcClient jdbc, String kind, String name) {
        return jdbc.sql("insert into organisation (kind, name) values (?, ?) returning id").params(kind, name)
                .query(Long.class).single();
    }

    private static long building(JdbcClient jdbc, String address, long management, long service) {
        return jdbc.sql("""
                insert into building (address, management_org_id, service_org_id) values (?, ?, ?) returning id""")
                .params(address, management, service).query(Long.class).single();
    }

    private static UUID publicId(JdbcClient jdbc, long building) {
        return jdbc.sql("select public_id from building where id = ?").param(building).query(UUID.class).single();
    }

    /** @return the user's API token */
    private static String user(JdbcClient jdbc, String username, String role, Long org, Long premise) {
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, role, organisation_id, premise_id)
                values (?, '{noop}unused', ?, ?, ?) returning id""")
                .params(username, role, org, premise).query(Long.class).single();
        String token = Tokens.newToken("oamr_api_");
        jdbc.sql("insert into api_token (user_id, name, token_hash) values (?, 'test', ?)")
                .params(id, Tokens.hash(token)).update();
        return token;
    }
}
