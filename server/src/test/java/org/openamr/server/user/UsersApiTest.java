package org.openamr.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The rules of {@link UserService} as the API applies them (the users page applies the same, through the same service). */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    World w;
    Api admin;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        admin = new Api(port, w.tokens.get(Role.ADMIN));
    }

    private String user(String username, Role role, UUID organisation) {
        return "{\"username\":\"" + username + "\",\"password\":\"long enough pass\",\"role\":\"" + role + "\""
                + (organisation == null ? "" : ",\"organisation\":\"" + organisation + "\"") + "}";
    }

    @Test
    void aNameTakenInAnotherCaseIsRefusedBecauseSignInIgnoresCase() {
        Api.Response r = admin.post("/api/v1/users", user("MANAGER", Role.ADMIN, null));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("detail").asString()).contains("user name 'MANAGER' is taken");
    }

    @Test
    void aTooShortPasswordIsRefusedWithoutBeingRepeated() {
        Api.Response r = admin.post("/api/v1/users", "{\"username\":\"shorty\",\"password\":\"s3cr3tX\","
                + "\"role\":\"ADMIN\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("password: a password has 10–200 characters")
                .doesNotContain("s3cr3tX");
    }

    @Test
    void anOperatorBelongsToAServiceCompanyAndAManagerToAManagementCompany() {
        Api.Response operator = admin.post("/api/v1/users", user("op2", Role.OPERATOR, w.managementA));
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("detail").asString()).contains("OPERATOR needs an organisation of its kind");
        assertThat(admin.post("/api/v1/users", user("op2", Role.OPERATOR, w.serviceA)).status()).isEqualTo(201);
    }

    @Test
    void anAdministratorCannotLockDemoteOrDeleteTheirOwnAccount() {
        UUID self = jdbc.sql("select public_id from app_user where username = 'admin'").query(UUID.class).single();
        Api.Response lock = admin.put("/api/v1/users/" + self,
                "{\"username\":\"admin\",\"role\":\"ADMIN\",\"enabled\":false}");
        assertThat(lock.status()).isEqualTo(400);
        assertThat(lock.json().get("detail").asString()).isEqualTo("you cannot lock, demote or delete your own account");
        assertThat(admin.put("/api/v1/users/" + self, "{\"username\":\"admin\",\"role\":\"RESIDENT\",\"premise\":\""
                + w.premiseA1 + "\"}").status()).isEqualTo(400);
        assertThat(admin.send("DELETE", "/api/v1/users/" + self, null).status()).isEqualTo(400);
        assertThat(jdbc.sql("select role || enabled from app_user where username = 'admin'").query(String.class)
                .single()).isEqualTo("ADMINtrue");
    }

    @Test
    void aDeletedUserLosesTheirTokensAndTheAuditLogKeepsWhoDeletedThem() {
        UUID id = UUID.fromString(admin.post("/api/v1/users", user("leaving", Role.MANAGER, w.managementA)).json()
                .get("id").asString());
        jdbc.sql("insert into api_token (user_id, name, token_hash) select id, 'x', '\\x01'::bytea from app_user"
                + " where public_id = ?").param(id).update();
        assertThat(admin.send("DELETE", "/api/v1/users/" + id, null).status()).isEqualTo(204);
        assertThat(admin.send("DELETE", "/api/v1/users/" + id, null).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from api_token t join app_user u on u.id = t.user_id where u.public_id = ?")
                .param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'app_user' and action = 'DELETE'"
                + " and actor = 'user:admin' and before ->> 'username' = 'leaving'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aNewPasswordIsAuditedThoughTheHashIsKeptOutOfTheLog() {
        UUID id = UUID.fromString(admin.post("/api/v1/users", user("newpass", Role.ADMIN, null)).json().get("id")
                .asString());
        assertThat(admin.put("/api/v1/users/" + id, "{\"username\":\"newpass\",\"role\":\"ADMIN\","
                + "\"password\":\"another long one\"}").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'app_user' and action = 'PASSWORD_SET'"
                + " and entity_id = (select id::text from app_user where public_id = ?)").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }
}
