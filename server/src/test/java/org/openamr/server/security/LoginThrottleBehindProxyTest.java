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
import org.springframework.test.context.TestPropertySource;

/**
 * The login throttle behind a trusted reverse proxy (this test's client plays it): the address is the one the
 * proxy forwards, so a guesser's failures refuse only the guesser, never the owner at another address.
 */
@ServerTest
@TestPropertySource(properties = "openamr.security.trusted-proxies=127.0.0.1, ::1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleBehindProxyTest {

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
    void failuresFromAddressARefuseAWithGrowingWaitsWhileTheOwnerSignsInFromB() {
        FormSession guesser = new FormSession(port);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(location(guesser.loginForwardedFor("198.51.100.1", "admin", "wrong " + i)))
                    .endsWith("/login?error");
        }
        assertThat(location(guesser.loginForwardedFor("198.51.100.1", "admin", PASSWORD)))
                .as("A waits the first delay, told how long").endsWith("/login?error&retry=30");
        assertThat(location(guesser.loginForwardedFor("203.0.113.99, 198.51.100.1", "admin", PASSWORD)))
                .as("what the client wrote left of the proxy's entry is not believed").contains("retry=");

        FormSession owner = new FormSession(port);
        assertThat(location(owner.loginForwardedFor("198.51.100.2", "admin", PASSWORD)))
                .as("the right password from B").doesNotContain("error");
        assertThat(owner.getApi("/api/v1/me").statusCode()).isEqualTo(200);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
