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
    void failedLoginsRefuseThatNameFromThatAddressAndAForgedForwardedForChangesNothing() {
        FormSession guesser = new FormSession(port);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(location(guesser.loginForwardedFor("203.0.113.7", "operator", "wrong password " + i)))
                    .endsWith("/login?error");
        }
        // no proxy is trusted (the default): the header is the guesser's own words, the address stays theirs
        String refused = location(guesser.loginForwardedFor("203.0.113.8", "operator", PASSWORD));
        assertThat(refused).matches(".*/login\\?error&retry=\\d+");
        assertThat(guesser.getApi("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(guesser.get(refused.substring(refused.indexOf("/login")) + "&lang=en").body())
                .contains("Too many failed sign-ins from this address: try again in");

        assertThat(location(new FormSession(port).login("admin", PASSWORD)))
                .as("other accounts are not locked by the guesser").doesNotContain("error");
    }

    @Test
    void aBearerHeaderThatSignsNobodyInDoesNotExcuseASessionFromTheCsrfToken() {
        FormSession browser = new FormSession(port);
        assertThat(browser.login("resident", PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> token = browser.send(HttpRequest.newBuilder(browser.uri("/api/v1/tokens"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", browser.csrfCookie())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"for the test\"}")).build());
        assertThat(token.statusCode()).isEqualTo(201);
        String valid = token.body().replaceAll(".*\"token\":\"(oamr_api_[^\"]+)\".*", "$1");

        HttpRequest.Builder logout = HttpRequest.newBuilder(browser.uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Bearer x")
                .POST(HttpRequest.BodyPublishers.ofString("a=b"));
        assertThat(browser.send(logout.build()).statusCode()).as("a form post without the CSRF token").isEqualTo(403);
        HttpRequest.Builder newToken = HttpRequest.newBuilder(browser.uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}"));
        assertThat(browser.send(newToken.copy().header("Authorization", "Bearer x").build()).statusCode())
                .isEqualTo(403);
        assertThat(browser.getApi("/api/v1/me").statusCode()).as("the session is still signed in").isEqualTo(200);

        assertThat(browser.send(newToken.header("Authorization", "Bearer " + valid).build()).statusCode())
                .as("a valid API token needs no CSRF token, as before").isEqualTo(201);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
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
