package org.openamr.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openamr.server.support.FormSession;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's sign-in page lists its accounts with their passwords, in the reader's language (the server alone
 * lists none: LoginPageTest). The configuration of the small demo the pages' tests share, so no context of its own.
 */
@DemoServerTest
@TestPropertySource(properties = {"openamr.demo.enabled=true", "openamr.demo.radio-meters=0", "openamr.demo.entrances=1",
        "openamr.demo.apartments-per-entrance=2", "openamr.demo.history-months=1", "openamr.demo.hourly-days=1",
        "openamr.polling.enabled=false"})
class SignInHintsIT {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageListsTheDemoAccounts() {
        HttpResponse<String> page = new FormSession(port).get("/login?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("demo-title", ">admin<", ">admin-demo<", ">operator-demo<", ">manager-demo<",
                ">resident-demo<", "resident of apartment 1");
        assertThat(new FormSession(port).get("/login?lang=ru").body()).contains("житель кв. 1");
    }
}
