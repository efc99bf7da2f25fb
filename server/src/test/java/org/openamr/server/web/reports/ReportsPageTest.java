package org.openamr.server.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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
 * The reports page over HTTP as a browser sends it (sign-in, forms with their CSRF token): the choice offers what
 * the role may see, the preview shows the report's rows, the download is the file, a scheduled report is saved,
 * refused with the reason, sent on request and deleted; a resident chooses among their own apartment only.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsPageTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    World w;

    @BeforeAll
    void world() {
        w = World.in(jdbc, passwords.encode(PASSWORD));
    }

    private FormSession signedIn(String user) {
        FormSession browser = new FormSession(port);
        assertThat(browser.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    @Test
    void aManagerChoosesAmongTheirBuildingsPreviewsAndDownloads() {
        FormSession manager = signedIn("manager");
        HttpResponse<String> page = manager.get("/reports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ведомость потребления по квартирам", "Реестр приборов учёта",
                "Журнал показаний", "Показания для начислений (1С)", "ул. Первая, 1", "ул. Первая, 1, подъезд 1",
                "id=\"nav-reports\"").doesNotContain("ул. Вторая, 2");

        HttpResponse<String> preview = manager.get("/reports?kind=statement&scope=" + w.buildingA
                + "&month=2026-01&format=csv&heatUnit=gcal&show=1");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"preview\"", "Лицевой счёт", "Период: 01.01.2026 – 31.01.2026",
                "<td>Тепло</td>", "10000001");

        HttpResponse<String> file = manager.get("/reports/file?kind=statement&scope=" + w.buildingA
                + "&month=2026-01&format=csv&heatUnit=gcal");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("2026-01.csv");
        assertThat(file.body()).contains("Адрес;Подъезд;Квартира");

        HttpResponse<String> foreign = manager.get("/reports?kind=statement&scope=" + w.buildingB
                + "&month=2026-01&show=1");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("Среди ваших нет такого дома");
        HttpResponse<String> longPeriod = manager.get("/reports?kind=statement&scope=" + w.buildingA
                + "&from=2024-01-01&to=2026-01-01&show=1");
        assertThat(longPeriod.statusCode()).isEqualTo(400);
        assertThat(longPeriod.body()).contains("Отчёт не построен", "13 months");
    }

    @Test
    void aScheduledReportIsSavedRefusedWithItsReasonSentOnRequestAndDeleted() {
        FormSession manager = signedIn("manager");
        String form = manager.get("/reports").body();
        String fields = "name=" + FormSession.enc("Ведомость для бухгалтерии") + "&kind=statement&scope=" + w.buildingA
                + "&period=PREVIOUS_MONTH&formats=csv&formats=pdf&cron=" + FormSession.enc("0 0 8 23 * *")
                + "&timeZone=Europe%2FMoscow&recipients=";
        HttpResponse<String> refused = manager.postForm("/reports/subscriptions",
                fields + FormSession.enc("buh@uk.example.ru, not-an-address"), form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not-an-address", "is not an e-mail address");

        HttpResponse<String> saved = manager.postForm("/reports/subscriptions",
                fields + FormSession.enc("buh@uk.example.ru\ndirector@uk.example.ru"), form);
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = manager.get("/reports").body();
        assertThat(after).contains("Отчёт по расписанию «Ведомость для бухгалтерии» сохранён",
                "buh@uk.example.ru, director@uk.example.ru", "0 0 8 23 * *", "прошлый месяц", "CSV, PDF",
                "id=\"mail-off\"");
        String id = jdbc.sql("select public_id::text from report_subscription where name = 'Ведомость для бухгалтерии'")
                .query(String.class).single();

        assertThat(manager.postForm("/reports/subscriptions/" + id + "/send", "x=1", after).statusCode())
                .isEqualTo(302);
        String queued = manager.get("/reports").body();
        assertThat(queued).contains("будет отправлен в течение минуты", "ожидает");

        FormSession operator = signedIn("operator");
        assertThat(operator.get("/reports").body()).as("each sees their own").doesNotContain("Ведомость для бухгалтерии");
        assertThat(operator.postForm("/reports/subscriptions/" + id + "/delete", "x=1", operator.get("/reports").body())
                .statusCode()).isEqualTo(404);

        assertThat(manager.postForm("/reports/subscriptions/" + id + "/delete", "x=1", queued).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from report_subscription where public_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aResidentChoosesOnlyTheirApartmentAndSchedulesNothing() {
        FormSession resident = signedIn("resident");
        HttpResponse<String> page = resident.get("/reports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Моя квартира").doesNotContain("ул. Первая, 1, подъезд 1")
                .doesNotContain("id=\"subscriptions\"");
        HttpResponse<String> own = resident.get("/reports?kind=statement&month=2026-01&show=1");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("10000001").doesNotContain("10000002");
        assertThat(resident.get("/reports?kind=statement&scope=" + w.premiseA2 + "&month=2026-01&show=1").statusCode())
                .isEqualTo(404);
    }
}
