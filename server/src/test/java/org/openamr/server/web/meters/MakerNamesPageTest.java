package org.openamr.server.web.meters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The pages name makers as people know them: "Danfoss", with the M-Bus code "DFS" only as a hint. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MakerNamesPageTest {

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
    void theMetersAndApartmentPagesSayDanfossNotDfs() {
        FormSession manager = new FormSession(port);
        assertThat(manager.login("manager", "correct horse battery").statusCode()).isEqualTo(302);
        String meters = manager.get("/meters").body();
        assertThat(meters).contains("title=\"DFS\">Danfoss</span>").doesNotContain(">DFS<");
        String apartment = manager.get("/apartments/" + w.premiseA1).body();
        assertThat(apartment).contains("Danfoss 10000001").doesNotContain(">DFS<");
    }
}
