package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
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

/** Form login, CSRF protection of a browser session, login throttling and how passwords are kept. */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSessionTest {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @BeforeAll
    void world() {
        World.in(jdbc, passwords.encode(PASSWORD));
    }

    @Test
    void sessionNeedsTheCsrfTokenForChanges() {
        FormSession browser = new FormSession(port);
        assertThat(browser.login("manager", PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> me = browser.getApi("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"role\":\"MANAGER\"");

        HttpRequest.Builder change = HttpRequest.newBuilder(browser.uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from the browser\"}"));
        assertThat(browser.send(change.build()).statusCode())
                .as("a cross-site request carries the session cookie but not the CSRF token").isEqualTo(403);

        HttpResponse<String> allowed = browser.send(change.header("X-XSRF-TOKEN", browser.csrfCookie()).build());
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(allowed.body()).contains("\"token\":\"oamr_api_");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        FormSession browser = new FormSession(port);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(browser.login("operator", "wrong password " + i).headers().firstValue("Location").orElse(""))
                    .contains("/login?error");
        }
        HttpResponse<String> right = browser.login("operator", PASSWORD);
        assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?error");
        assertThat(browser.getApi("/api/v1/me").statusCode()).isEqualTo(401);

        assertThat(new FormSession(port).login("admin", PASSWORD).headers().firstValue("Location").orElse(""))
                .as("other accounts are not locked by the guesser").doesNotContain("error");
    }

    @Test
    void passwordsAreBcryptHashesAndTokensOnlyDigests() {
        assertThat(jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single())
                .startsWith("{bcrypt}$2");
        assertThat(jdbc.sql("select octet_length(token_hash) from api_token limit 1").query(Integer.class).single())
                .isEqualTo(32);
        assertThat(jdbc.sql("select count(*) from audit_log where after::text like '%password_hash%'"
                + " or after::text like '%token_hash%'").query(Long.class).single()).isZero();
    }
}
