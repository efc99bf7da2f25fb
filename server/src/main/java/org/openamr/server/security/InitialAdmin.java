package org.openamr.server.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new installation has no accounts, so nobody could sign in to create the first one: when no
 * administrator exists, {@code admin} is created with {@code openamr.initial-admin-password} or,
 * without it, a random password written once to the log. The demo seeds its own accounts.
 */
@Component
@ConditionalOnProperty(name = "openamr.demo.enabled", havingValue = "false", matchIfMissing = true)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final String configured;
    private final boolean enabled;

    InitialAdmin(JdbcClient jdbc, PasswordEncoder passwords,
            @Value("${openamr.initial-admin-password:}") String configured,
            @Value("${openamr.initial-admin.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.configured = configured;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        // two instances starting on one empty database must not both create one
        jdbc.sql("select pg_advisory_xact_lock(hashtext('initial_admin'))").query(Object.class).optional();
        if (jdbc.sql("select exists (select 1 from app_user where role = 'ADMIN')").query(Boolean.class).single()) {
            return;
        }
        jdbc.sql("select set_config('openamr.actor', 'system:first-start', true)").query(String.class).single();
        String password = configured.isBlank() ? randomPassword() : configured;
        if (password.length() < 10) {
            throw new IllegalStateException("openamr.initial-admin-password must have at least 10 characters");
        }
        jdbc.sql("insert into app_user (username, password_hash, display_name, role) values ('admin', ?, ?, 'ADMIN')"
                        + " on conflict (username) do nothing")
                .params(passwords.encode(password), "Администратор / Administrator").update();
        if (configured.isBlank()) {
            log.warn("No administrator existed: created 'admin' with password {} — sign in and change it."
                    + " / Администратора не было: создан 'admin' с паролем {} — войдите и смените его.", password, password);
        } else {
            log.warn("No administrator existed: created 'admin' with openamr.initial-admin-password."
                    + " / Создан администратор 'admin' с паролем из openamr.initial-admin-password.");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
