package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
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
 * Page and API fields that are enums and units in the code (a job's status and kind, an event's kind, a
 * balance's unit) read as the words they always were: the templates compare and print them by name.
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TypedPageFieldsTest {

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
    void aFinishedReadNowJobIsShownAsSuchAndNoLongerPolled() {
        // a channel of its own, so that no other test's counts of runs and jobs change
        UUID channel = w.emptyChannel(true, "TCP_GATEWAY");
        UUID job = w.runAndJob(channel)[1];

        HttpResponse<String> panel = signedIn("admin").get("/acquisition/jobs/" + job + "?lang=en");

        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-status=\"DONE\"", "<strong>Read now</strong>",
                "<span class=\"job-status\">finished</span>", "class=\"job-result\"")
                .doesNotContain("hx-trigger=\"every 1s\"", "acq.job.search");
    }

    @Test
    void theBalanceTableNamesItsUnit() {
        HttpResponse<String> page = signedIn("manager").get("/buildings/" + w.buildingA + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        // heat, the page's first resource, in the management company's unit: Gcal unless it chose another
        assertThat(page.body()).contains("Building meter, Gcal").doesNotContain("Building meter, <");
    }

    @Test
    void theBuildingPageTakesAResourceInAnyCaseAndAnswersAnUnknownOneWithItsNotFoundPage() {
        FormSession manager = signedIn("manager");

        assertThat(manager.get("/buildings/" + w.buildingA + "?resource=cold_water").statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = manager.get("/buildings/" + w.buildingA + "?resource=STEAM");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void anEventsKindReadsAsTheWordOnTheApartmentPageAndAsTheNameInTheApi() {
        FormSession manager = signedIn("manager");

        HttpResponse<String> apartment = manager.get("/apartments/" + w.premiseA1 + "?lang=en");
        assertThat(apartment.statusCode()).isEqualTo(200);
        assertThat(apartment.body()).contains("<td>raised</td>");

        HttpResponse<String> api = manager.getApi("/api/v1/events?meter=" + w.meterA1);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"kind\":\"RAISED\"");
    }
}
