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

/**
 * The meter pages: makers named as people know them ("Danfoss", the M-Bus code "DFS" only as a hint), and a page
 * per meter with its condition in words since when, its current values and events, within the reader's scope.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterPagesTest {

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

    private FormSession signedIn(String user) {
        FormSession s = new FormSession(port);
        assertThat(s.login(user, "correct horse battery").statusCode()).isEqualTo(302);
        return s;
    }

    @Test
    void aMetersPageSaysWhatItIsWhereItHangsWhatItReportsAndWhatItShows() {
        FormSession manager = signedIn("manager");
        assertThat(manager.get("/meters").body()).contains("/meters/" + w.meterA1);
        var page = manager.get("/meters/" + w.meterA1);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Счётчик Danfoss 10000001", "ул. Первая, 1", "Ошибка", "с 10 янв. 2026",
                "Энергия", "1234.5", "кВт·ч", "id=\"meter-state\"");
        assertThat(manager.get("/meters/" + w.meterB1).statusCode()).as("another company's").isEqualTo(404);

        FormSession resident = signedIn("resident");
        assertThat(resident.get("/meters/" + w.meterA1).statusCode()).isEqualTo(200);
        assertThat(resident.get("/meters/" + w.meterA2).statusCode()).as("a neighbour's").isEqualTo(404);
    }
}
