package org.openamr.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openamr.server.support.ServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/** A fresh installation gets one administrator, so that someone can sign in at all. */
@ServerTest
@TestPropertySource(properties = {"openamr.initial-admin.enabled=true",
        "openamr.initial-admin-password=first start password"})
class InitialAdminTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anEmptyDatabaseGetsAnAdministratorWithTheConfiguredPassword() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin' and role = 'ADMIN'")
                .query(String.class).single();
        assertThat(passwords.matches("first start password", hash)).isTrue();
        assertThat(jdbc.sql("select actor from audit_log where entity = 'app_user'").query(String.class).single())
                .isEqualTo("system:first-start");
    }
}
