package org.openamr.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
    void sessionNeedsTheCsrfTokenForChanges() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        assertThat(login(browser, "manager", PASSWORD).statusCode()).isEqualTo(302);

        HttpResponse<String> me = browser.send(get("/api/v1/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"role\":\"MANAGER\"");

        HttpRequest.Builder change = HttpRequest.newBuilder(uri("/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from the browser\"}"));
        assertThat(browser.send(change.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("a cross-site request carries the session cookie but not the CSRF token").isEqualTo(403);

        String csrf = cookies.getCookieStore().get(uri("/")).stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> allowed = browser.send(change.header("X-XSRF-TOKEN", csrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(allowed.body()).contains("\"token\":\"oamr_api_");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThat(login(browser, "operator", "wrong password " + i).headers().firstValue("Location").orElse(""))
                    .contains("/login?error");
        }
        HttpResponse<String> right = login(browser, "operator", PASSWORD);
        assertThat(right.headers().firstValue("Location").orElse("")).contains("/login?error");
        HttpResponse<String> me = browser.send(get("/api/v1/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(401);

        HttpClient other = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(login(other, "admin", PASSWORD).headers().firstValue("Location").orElse(""))
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

    HttpResponse<String> login(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> page = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).as("login page carries a CSRF token").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
