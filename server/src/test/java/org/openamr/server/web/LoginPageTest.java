package org.openamr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openamr.server.support.FormSession;
import org.openamr.server.support.ServerTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server alone has no {@link SignInHints}: its sign-in page lists no accounts (the demo's test shows them). */
@ServerTest
class LoginPageTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInPageOfTheServerAloneListsNoAccounts() {
        HttpResponse<String> page = new FormSession(port).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"username\"").doesNotContain("demo-title", "-demo<");
    }
}
