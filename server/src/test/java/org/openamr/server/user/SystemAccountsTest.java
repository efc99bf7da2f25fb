package org.openamr.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.api.NotFoundException;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts and tokens the server writes on its own behalf (the demo's): {@link UserService#ensure} and
 * {@link ApiTokenService#replace}, under the API's rules and in its audit log.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SystemAccountsTest {

    private static final String ACTOR = "system:test";
    private static final AccessScope SYSTEM = new AccessScope.Everything(ACTOR);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    UserService users;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PlatformTransactionManager transactions;

    World w;
    Api admin;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
        admin = new Api(port, w.tokens.get(Role.ADMIN));
    }

    /** What the server does at start: one transaction of its own, no signed-in caller. */
    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private UserService.Profile ensure(String username, String password, Role role, UUID organisation) {
        return inTransaction(() -> users.ensure(SYSTEM, new UserService.Input(username, password, "System " + username,
                role, organisation, null, true)));
    }

    private long audited(UUID user, String action) {
        return jdbc.sql("select count(*) from audit_log where entity = 'app_user' and action = ? and actor = ?"
                        + " and entity_id = (select id::text from app_user where public_id = ?)")
                .params(action, ACTOR, user).query(Long.class).single();
    }

    private long changesOf(UUID user) {
        return jdbc.sql("select count(*) from audit_log where entity = 'app_user'"
                        + " and entity_id = (select id::text from app_user where public_id = ?)")
                .param(user).query(Long.class).single();
    }

    private String hash(UUID user) {
        return jdbc.sql("select password_hash from app_user where public_id = ?").param(user).query(String.class)
                .single();
    }

    @Test
    void anAccountIsCreatedOnceAndASecondCallWritesNothing() {
        UserService.Profile created = ensure("sys-operator", "operator-password", Role.OPERATOR, w.serviceA);
        assertThat(created.role()).isEqualTo(Role.OPERATOR);
        assertThat(created.organisation()).isEqualTo(w.serviceA);
        assertThat(created.enabled()).isTrue();
        assertThat(audited(created.id(), "INSERT")).isEqualTo(1);
        String hash = hash(created.id());

        UserService.Profile again = ensure("sys-operator", "operator-password", Role.OPERATOR, w.serviceA);
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(hash(created.id())).as("the matching password is not hashed anew").isEqualTo(hash);
        assertThat(changesOf(created.id())).isEqualTo(1);
    }

    @Test
    void aChangedPasswordIsResetAndAuditedAsTheApisResetAndALockedAccountIsEnabledAgain() {
        UUID id = ensure("sys-manager", "manager-password", Role.MANAGER, w.managementA).id();
        assertThat(admin.put("/api/v1/users/" + id, "{\"username\":\"sys-manager\",\"role\":\"MANAGER\","
                + "\"organisation\":\"" + w.managementA + "\",\"password\":\"changed password\",\"enabled\":false}")
                .status()).isEqualTo(200);
        assertThat(passwords.matches("manager-password", hash(id))).isFalse();

        UserService.Profile back = ensure("sys-manager", "manager-password", Role.MANAGER, w.managementA);
        assertThat(back.enabled()).isTrue();
        assertThat(passwords.matches("manager-password", hash(id))).isTrue();
        assertThat(audited(id, "PASSWORD_SET")).isEqualTo(1);
        // the row's own change (enabled again) is the triggers', under the same actor
        assertThat(audited(id, "UPDATE")).isEqualTo(1);
    }

    @Test
    void theAccountIsGivenBackItsRoleAndScope() {
        UUID id = ensure("sys-admin", "admin-password", Role.ADMIN, null).id();
        assertThat(admin.put("/api/v1/users/" + id, "{\"username\":\"sys-admin\",\"role\":\"RESIDENT\","
                + "\"premise\":\"" + w.premiseA2 + "\"}").status()).isEqualTo(200);

        UserService.Profile back = ensure("sys-admin", "admin-password", Role.ADMIN, null);
        assertThat(back.role()).isEqualTo(Role.ADMIN);
        assertThat(back.premise()).isNull();
        assertThat(audited(id, "PASSWORD_SET")).as("the password still matched").isZero();
    }

    @Test
    void theApisRulesHold() {
        assertThatThrownBy(() -> ensure("sys-short", "too short", Role.ADMIN, null))
                .isInstanceOf(UserRuleException.class).hasMessage("a password has 10–200 characters");
        assertThatThrownBy(() -> ensure("sys-wrong", "long enough pass", Role.OPERATOR, w.managementA))
                .isInstanceOf(UserRuleException.class).hasMessageContaining("OPERATOR needs an organisation of its kind");
        assertThat(jdbc.sql("select count(*) from app_user where username in ('sys-short', 'sys-wrong')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onlyAnAdministratorsScopeWritesAccountsAndOthersTokens() {
        AccessScope operator = new AccessScope.ServiceCompany("user:operator", 1);
        assertThatThrownBy(() -> inTransaction(() -> users.ensure(operator, new UserService.Input("sys-nobody",
                "long enough pass", "", Role.ADMIN, null, null, true)))).isInstanceOf(AccessDeniedException.class);
        UUID resident = jdbc.sql("select public_id from app_user where username = 'resident'").query(UUID.class)
                .single();
        assertThatThrownBy(() -> inTransaction(() -> tokens.replace(operator, resident, "x")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReplacedTokenNoLongerSignsInItsSuccessorDoesAndOtherTokensStay() {
        UUID id = ensure("sys-tokens", "tokens-password", Role.MANAGER, w.managementA).id();
        String first = inTransaction(() -> tokens.replace(SYSTEM, id, "start")).token();
        Api firstApi = new Api(port, first);
        assertThat(firstApi.get("/api/v1/me").json().get("username").asString()).isEqualTo("sys-tokens");
        // a token the account made itself, under another name
        Api.Response own = firstApi.post("/api/v1/tokens", "{\"name\":\"mine\"}");
        assertThat(own.status()).isEqualTo(201);
        String mine = own.json().get("token").asString();

        ApiTokenService.NewToken second = inTransaction(() -> tokens.replace(SYSTEM, id, "start"));
        assertThat(second.name()).isEqualTo("start");
        assertThat(second.expiresAt()).isNull();
        assertThat(second.token()).startsWith("oamr_api_").isNotEqualTo(first);
        assertThat(firstApi.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(new Api(port, second.token()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(new Api(port, mine).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'api_token' and action = 'DELETE'"
                + " and actor = ? and before ->> 'name' = 'start'").param(ACTOR).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aTokenForNoSuchAccountIsNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThatThrownBy(() -> inTransaction(() -> tokens.replace(SYSTEM, nobody, "x")))
                .isInstanceOf(NotFoundException.class).hasMessage("user " + nobody + " not found");
    }
}
