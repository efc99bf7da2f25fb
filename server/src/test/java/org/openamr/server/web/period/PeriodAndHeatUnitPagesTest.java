package org.openamr.server.web.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openamr.server.consumption.RegistryFixture;
import org.openamr.server.reading.ReadingPartitions;
import org.openamr.server.support.Api;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.openamr.server.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The period chosen in the URL of the portfolio, building and apartment pages changes their figures and is carried
 * on their links; a refused period is said on the page with 400; heat is shown in the management company's unit
 * first, which an administrator sets through the organisation API (and reports default to).
 *
 * <p>One apartment's heat meter reads 1000 kWh at the start of January 2026, 1581.5 at the start of February and
 * 2453.75 at the start of March (Moscow time): January is 581.5 kWh (0.5 Gcal), February 872.25 kWh (0.75 Gcal).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodAndHeatUnitPagesTest {

    static final String PASSWORD = "correct horse battery";
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final BigDecimal JANUARY = new BigDecimal("581.5");
    static final BigDecimal FEBRUARY = new BigDecimal("872.25");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    ReadingPartitions partitions;

    World w;
    UUID organisation;
    UUID building;
    UUID apartment;
    String manager;

    @BeforeAll
    void registry() {
        w = World.in(jdbc, passwords.encode(PASSWORD));
        RegistryFixture f = new RegistryFixture(jdbc, partitions);
        long org = f.organisation("MANAGEMENT");
        long b = f.building(org, MOSCOW.getId());
        long premise = f.premise(b, f.entrance(b, 1), "7");
        long point = f.point(b, premise, "HEAT");
        long meter = f.meter(RegistryFixture.unique("H"), null);
        f.install(meter, point, LocalDate.of(2025, 12, 1).atStartOfDay(MOSCOW).toInstant(), null, null, null);
        long register = f.register(meter, "ENERGY", "kWh", 0, 0);
        f.reading(register, LocalDate.of(2026, 1, 1).atStartOfDay(MOSCOW).toInstant(), "1000");
        f.reading(register, LocalDate.of(2026, 2, 1).atStartOfDay(MOSCOW).toInstant(), "1581.5");
        f.reading(register, LocalDate.of(2026, 3, 1).atStartOfDay(MOSCOW).toInstant(), "2453.75");
        organisation = f.publicId("organisation", org);
        building = f.publicId("building", b);
        apartment = f.publicId("premise", premise);
        manager = RegistryFixture.unique("manager");
        jdbc.sql("insert into app_user (username, password_hash, role, organisation_id) values (?, ?, 'MANAGER', ?)")
                .params(manager, passwords.encode(PASSWORD), org).update();
    }

    private FormSession signedIn(String user) {
        FormSession s = new FormSession(port);
        assertThat(s.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return s;
    }

    private void heatUnit(String unit) {
        Api admin = new Api(port, w.tokens.get(org.openamr.server.security.Role.ADMIN));
        String name = jdbc.sql("select name from organisation where public_id = ?").param(organisation)
                .query(String.class).single();
        Api.Response r = admin.put("/api/v1/organisations/" + organisation,
                "{\"kind\":\"MANAGEMENT\",\"name\":\"" + name + "\",\"heatUnit\":\"" + unit + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** A value as the Russian pages write it: decimal comma, rounded half-even. */
    private static String ru(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString().replace('.', ',');
    }

    private static BigDecimal gcal(BigDecimal kwh) {
        return kwh.divide(new BigDecimal("1163"), 9, RoundingMode.HALF_EVEN);
    }

    @Test
    void theChosenMonthChangesTheFiguresOfEveryPageAndIsKeptInTheirLinks() {
        heatUnit("gcal");
        FormSession s = signedIn(manager);
        for (var month : java.util.List.of(new Object[] {"2026-01", JANUARY}, new Object[] {"2026-02", FEBRUARY})) {
            String m = (String) month[0];
            BigDecimal kwh = (BigDecimal) month[1];
            String gcal3 = ru(gcal(kwh), 3) + " Гкал";
            String kwh0 = "(" + ru(kwh, 0) + " кВт·ч)";

            HttpResponse<String> portfolio = s.get("/?month=" + m);
            assertThat(portfolio.statusCode()).isEqualTo(200);
            assertThat(portfolio.body()).contains(gcal3, kwh0, "/buildings/" + building + "?month=" + m,
                    "value=\"" + m + "\"");

            HttpResponse<String> page = s.get("/buildings/" + building + "?month=" + m);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(gcal3, kwh0, "/apartments/" + apartment + "?month=" + m,
                    "scope=" + building + "&amp;show=1&amp;month=" + m, "resource=COLD_WATER&amp;month=" + m);

            HttpResponse<String> flat = s.get("/apartments/" + apartment + "?month=" + m);
            assertThat(flat.statusCode()).isEqualTo(200);
            // the chosen month only, Gcal first (four decimals on an apartment's page), kWh second
            assertThat(flat.body()).contains("data-unit=\"GCAL\">" + ru(gcal(kwh), 4) + "</td>",
                    "class=\"value\">" + ru(kwh, 0) + "</span>", "scope=" + apartment + "&amp;show=1&amp;month=" + m,
                    "/buildings/" + building + "?month=" + m);
        }
        String january = s.get("/apartments/" + apartment + "?month=2026-01").body();
        assertThat(january).doesNotContain(">" + ru(gcal(FEBRUARY), 4) + "<");
        // from–to as the reports take it, 'to' exclusive: January and February together
        String both = s.get("/buildings/" + building + "?from=2026-01-01&to=2026-03-01").body();
        assertThat(both).contains(ru(gcal(JANUARY.add(FEBRUARY)), 3) + " Гкал",
                "/apartments/" + apartment + "?from=2026-01-01&amp;to=2026-03-01");
    }

    @Test
    void aRefusedPeriodIsSaidOnThePageWith400InTheReadersLanguage() {
        FormSession s = signedIn(manager);
        HttpResponse<String> backwards = s.get("/buildings/" + building + "?from=2026-02-01&to=2026-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"period-error\"",
                "Конец периода (2026-01-01) должен быть позже начала (2026-02-01)").doesNotContain("Exception");
        HttpResponse<String> garbage = s.get("/apartments/" + apartment + "?month=abc");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("«abc» — не месяц");
        HttpResponse<String> tooLong = s.get("/?from=2024-01-01&to=2026-01-01");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Период с 2024-01-01 по 2026-01-01 длиннее 13 месяцев");

        FormSession english = signedIn(manager);
        english.get("/?lang=en");
        HttpResponse<String> en = english.get("/buildings/" + building + "?month=2026-01&from=2026-01-01&to=2026-02-01");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("Choose either a month or the dates from and to, not both.");
        HttpResponse<String> half = english.get("/apartments/" + apartment + "?from=2026-01-01");
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(half.body()).contains("Choose both dates, from and to.");
    }

    @Test
    void heatInKwhFirstWhenTheCompanyChoseKwh() {
        FormSession s = signedIn(manager);
        try {
            heatUnit("kwh");
            String building = s.get("/buildings/" + this.building + "?month=2026-01").body();
            assertThat(building).contains(ru(JANUARY, 0) + " кВт·ч", "(" + ru(gcal(JANUARY), 3) + " Гкал)");
            String flat = s.get("/apartments/" + apartment + "?month=2026-02").body();
            assertThat(flat).contains("data-unit=\"KWH\">" + ru(FEBRUARY, 0) + "</td>",
                    "class=\"value\">" + ru(gcal(FEBRUARY), 4) + "</span>", "Потребление, кВт·ч");
            heatUnit("GJ");
            String gj = s.get("/?month=2026-02").body();
            // 1 kWh = 0.0036 GJ exactly
            assertThat(gj).contains(ru(FEBRUARY.multiply(new BigDecimal("0.0036")), 3) + " ГДж",
                    "(" + ru(FEBRUARY, 0) + " кВт·ч)");
        } finally {
            heatUnit("gcal");
        }
    }

    @Test
    void theOrganisationApiTakesAKnownUnitOnlyAndReportsDefaultToIt() {
        Api admin = new Api(port, w.tokens.get(org.openamr.server.security.Role.ADMIN));
        String name = jdbc.sql("select name from organisation where public_id = ?").param(organisation)
                .query(String.class).single();
        Api.Response refused = admin.put("/api/v1/organisations/" + organisation,
                "{\"kind\":\"MANAGEMENT\",\"name\":\"" + name + "\",\"heatUnit\":\"furlongs\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("heatUnit: must be one of gcal, kwh, gj (was 'furlongs')");
        assertThat(admin.get("/api/v1/organisations/" + organisation).json().get("heatUnit").asText())
                .isEqualTo("GCAL");
        Api.Response kept = admin.put("/api/v1/organisations/" + organisation,
                "{\"kind\":\"MANAGEMENT\",\"name\":\"" + name + "\"}");
        assertThat(kept.status()).isEqualTo(200);
        assertThat(kept.json().get("heatUnit").asText()).as("no field: unchanged").isEqualTo("GCAL");
        Api.Response created = admin.post("/api/v1/organisations", "{\"kind\":\"SERVICE\",\"name\":\""
                + RegistryFixture.unique("Сервис ") + "\"}");
        assertThat(created.json().get("heatUnit").asText()).isEqualTo("GCAL");

        Api managerA = new Api(port, w.tokens.get(org.openamr.server.security.Role.MANAGER));
        assertThat(managerA.put("/api/v1/organisations/" + w.managementA,
                "{\"kind\":\"MANAGEMENT\",\"name\":\"УК А\",\"heatUnit\":\"kwh\"}").status()).isEqualTo(403);

        // World's building A: its company's unit is the report's unit unless one is asked for
        String gcal = admin.get("/api/v1/reports/statement?scope=" + w.buildingA + "&month=2026-01&heatUnit=gcal").body();
        String kwh = admin.get("/api/v1/reports/statement?scope=" + w.buildingA + "&month=2026-01&heatUnit=kwh").body();
        assertThat(kwh).isNotEqualTo(gcal);
        assertThat(admin.get("/api/v1/reports/statement?scope=" + w.buildingA + "&month=2026-01").body())
                .isEqualTo(gcal);
        try {
            assertThat(admin.put("/api/v1/organisations/" + w.managementA,
                    "{\"kind\":\"MANAGEMENT\",\"name\":\"УК А\",\"heatUnit\":\"kwh\"}").status()).isEqualTo(200);
            assertThat(admin.get("/api/v1/reports/statement?scope=" + w.buildingA + "&month=2026-01").body())
                    .isEqualTo(kwh);
            // a scheduled report without a unit takes the company's too; one asked for is kept
            String subscription = "{\"name\":\"Ведомость\",\"kind\":\"statement\",\"scope\":\"" + w.buildingA
                    + "\",\"formats\":[\"csv\"],\"cron\":\"0 0 8 23 * *\",\"recipients\":[\"a@b.ru\"]%s}";
            Api.Response companys = admin.post("/api/v1/report-subscriptions", subscription.formatted(""));
            assertThat(companys.status()).isEqualTo(201);
            assertThat(companys.json().get("heatUnit").asText()).isEqualTo("KWH");
            Api.Response asked = admin.post("/api/v1/report-subscriptions",
                    subscription.formatted(",\"heatUnit\":\"gj\""));
            assertThat(asked.json().get("heatUnit").asText()).isEqualTo("GJ");
        } finally {
            admin.put("/api/v1/organisations/" + w.managementA,
                    "{\"kind\":\"MANAGEMENT\",\"name\":\"УК А\",\"heatUnit\":\"gcal\"}");
        }
    }
}
