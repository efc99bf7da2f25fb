package org.openamr.server.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.security.AccessScope;
import org.openamr.server.security.Role;
import org.openamr.server.support.Api;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Meters#create(AccessScope, Meters.Fields)}, the one way a meter is registered by hand: the API's and the
 * demo's, which also knows the meter's bus header.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterRegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Meters meters;
    @Autowired
    PlatformTransactionManager transactions;

    World w;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
    }

    @Test
    void aMeterRegisteredWithItsBusHeaderHasItsSecondaryAddressAndAnUpdateThroughTheApiKeepsIt() {
        long channel = jdbc.sql("select id from acquisition_channel where public_id = ?").param(w.channelA)
                .query(Long.class).single();
        AccessScope system = new AccessScope.Everything("system:test");
        UUID id = new TransactionTemplate(transactions).execute(status -> meters.create(system, new Meters.Fields(
                "DFS", "SonoSafe 10", "62000001", "heat", 7, channel, null, null, null, 0x12, 0x04, null)));
        Api admin = new Api(port, w.tokens.get(Role.ADMIN));
        assertThat(admin.get("/api/v1/meters/" + id).json().get("secondaryAddress").asString())
                .isEqualTo("62000001DFS1204");
        // the administrator's meter on building A's channel joins its service company's registry
        assertThat(jdbc.sql("select o.public_id from meter m join organisation o on o.id = m.owner_org_id"
                + " where m.public_id = ?").param(id).query(UUID.class).single()).isEqualTo(w.serviceA);

        Api.Response updated = admin.put("/api/v1/meters/" + id, "{\"manufacturer\":\"DFS\",\"serial\":\"62000001\","
                + "\"model\":\"SonoSafe 10\",\"primaryAddress\":8,\"channel\":\"" + w.channelA + "\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("primaryAddress").asInt()).isEqualTo(8);
        assertThat(updated.json().get("secondaryAddress").asString()).isEqualTo("62000001DFS1204");
    }

    @Test
    void aMeterRegisteredThroughTheApiHasNoBusHeader() {
        Api.Response created = new Api(port, w.tokens.get(Role.OPERATOR)).post("/api/v1/meters",
                "{\"manufacturer\":\"DFS\",\"serial\":\"62000002\",\"channel\":\"" + w.channelA + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("serial").asString()).isEqualTo("62000002");
        // nulls are left out of the API's answers
        assertThat(created.json().has("secondaryAddress")).isFalse();
    }
}
