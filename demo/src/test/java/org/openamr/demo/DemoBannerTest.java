package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openamr.server.security.Role;

class DemoBannerTest {

    @Test
    void russianCountsAgree() {
        assertThat(List.of(1, 2, 4, 5, 11, 12, 14, 20, 21, 22, 25, 62, 101, 111, 112))
                .extracting(DemoBanner::meterWord)
                .containsExactly("счётчик", "счётчика", "счётчика", "счётчиков", "счётчиков", "счётчиков", "счётчиков",
                        "счётчиков", "счётчик", "счётчика", "счётчиков", "счётчика", "счётчик", "счётчиков",
                        "счётчиков");
    }

    @Test
    void theBannerGivesEveryLoginWithItsPasswordAndTokenAndARequestToPaste() {
        List<DemoLogin> logins = List.of(
                new DemoLogin("admin", "admin-demo", Role.ADMIN, "администратор", "administrator", "oamr_api_A"),
                new DemoLogin("resident", "resident-demo", Role.RESIDENT, "житель", "resident", "oamr_api_R"));
        UUID building = UUID.fromString("6f1c1a9e-0000-4000-8000-000000000001");
        String text = new DemoBanner("http://localhost:8080", Path.of("/data/pgdata"), "tcp://127.0.0.1:4000", 60, 62,
                new DemoProperties(true, 1, 3, 20, 13, 7, 40, Duration.ofSeconds(120)), logins, building, YearMonth.of(2026, 11),
                Duration.ofMillis(12_300), new DemoBanner.Radio(14, 27, 13, "http://127.0.0.1:40123/",
                        Path.of("/data/collector/collector.yaml")), null).text();
        assertThat(text).contains("http://localhost:8080", "(12.3 s)", "admin-demo", "oamr_api_A", "resident-demo",
                "oamr_api_R", "curl -H \"Authorization: Bearer oamr_api_A\" http://localhost:8080/api/v1/me",
                "62 счётчика", "/data/pgdata", "not for production", "Ctrl-C",
                // a year of monthly heat, the house meter against the flats
                "/api/v1/buildings/" + building + "/balance?resource=HEAT&resolution=MONTH&from=2025-11&to=2026-11",
                // the radio building, its collector's page with the page's account, and the file it runs from
                DemoRadioBuilding.ADDRESS + ", 14 кв. / apartments, 27 счётчиков", "13 more heard, not registered",
                "http://127.0.0.1:40123/ (admin / collector-demo)", "/data/collector/collector.yaml");
        assertThat(new DemoBanner("http://localhost:8080", null, "tcp://127.0.0.1:4000", 60, 62,
                new DemoProperties(true, 1, 3, 20, 13, 7, 40, Duration.ofSeconds(120)), logins, building, YearMonth.of(2026, 11), null, null, null).text())
                .doesNotContain("pgdata", "collector");
    }

    @Test
    void theBannerNamesTheFaultsForTheAlarmsToFind() {
        DemoBuilding building = new DemoBuilding(new DemoProperties(true, 1, 3, 20, 13, 7, 0, Duration.ofSeconds(120)));
        DemoFaults faults = DemoFaults.of(building, java.time.Instant.parse("2026-11-24T10:15:00Z"));
        String text = new DemoBanner("http://localhost:8080", null, "tcp://127.0.0.1:4000", 60, 62,
                new DemoProperties(true, 1, 3, 20, 13, 7, 0, Duration.ofSeconds(120)),
                List.of(new DemoLogin("admin", "admin-demo", Role.ADMIN, "администратор", "administrator", "t")),
                UUID.fromString("6f1c1a9e-0000-4000-8000-000000000001"), YearMonth.of(2026, 11), null, null, faults)
                .text();
        assertThat(text).contains("leak: кв. / apartment " + faults.leaking().number() + ",",
                "error: " + faults.inError().meterId() + ", кв. / apartment " + faults.inError().number() + ",",
                "silent: 45120001", "heat imbalance since 2026-10: ОДПУ / house meter +25 %");
    }
}
