package org.openamr.server.meter;

import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code GET /api/v1/meters?building=}: the building filter for every role, the administrator's included. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterListApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    World w;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode("correct horse battery"));
    }

    @Test
    void theBuildingFilterKeepsTheBuildingsMetersForAnAdministratorAndAManager() {
        for (Role role : new Role[] {Role.ADMIN, Role.MANAGER}) {
            Api.Response r = new Api(port, w.tokens.get(role)).get("/api/v1/meters?building=" + w.buildingA);
            assertThat(r.status()).as(role + ": " + r.body()).isEqualTo(200);
            assertThat(r.body()).as(role.name()).contains(w.meterA1.toString(), w.meterA2.toString())
                    .doesNotContain(w.meterB1.toString());
        }
    }

    @Test
    void aMeterHeardOnTheBusNamesItsMediumAsTheBusDoes() {
        jdbc.sql("insert into meter (manufacturer, serial, mbus_version, mbus_medium) values ('ZRI', '61000001', 1, 22)")
                .update();
        Api.Response r = new Api(port, w.tokens.get(Role.ADMIN)).get("/api/v1/meters?unassigned=true");
        assertThat(r.json().get("items").valueStream().filter(m -> m.get("serial").asString().equals("61000001"))
                .findFirst().orElseThrow().get("medium").asString()).isEqualTo("coldWater");
    }
}
