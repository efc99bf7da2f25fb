package org.openamr.server.security;

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
 * The headers every answer carries and the cookies' SameSite; the API description needs a sign-in unless
 * {@code openamr.api-docs.public} (the demo's default, see {@link PublicApiDocsTest}).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @BeforeAll
    void world() {
        World.in(jdbc, passwords.encode("correct horse battery"));
    }

    @Test
    void pagesForbidFramingForeignScriptsAndSniffingAndKeepTheReferrerAtHome() {
        HttpResponse<String> login = new FormSession(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "form-action 'self'");
        assertThat(csp.replace("style-src-attr 'unsafe-inline'", "")).doesNotContain("unsafe");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theSessionAndCsrfCookiesAreSameSiteLax() {
        FormSession browser = new FormSession(port);
        HttpResponse<String> page = browser.get("/login");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .isNotEmpty().allMatch(c -> c.contains("SameSite=Lax"));
        HttpResponse<String> signedIn = browser.login("manager", "correct horse battery");
        assertThat(signedIn.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .isNotEmpty().allMatch(c -> c.contains("SameSite=Lax"));
    }

    @Test
    void theApiDescriptionNeedsASignInByDefault() {
        FormSession anonymous = new FormSession(port);
        assertThat(anonymous.getApi("/v3/api-docs").statusCode()).isIn(302, 401);
        assertThat(anonymous.get("/swagger-ui.html").statusCode()).isIn(302, 401);
        FormSession signedIn = new FormSession(port);
        signedIn.login("admin", "correct horse battery");
        HttpResponse<String> docs = signedIn.getApi("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"");
    }
}
