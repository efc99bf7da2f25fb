package org.openamr.server.user;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final String configured;
    private final boolean enabled;

    InitialAdmin(UserRepository users, PasswordEncoder passwords,
            @Value("${openamr.initial-admin-password:}") String configured,
            @Value("${openamr.initial-admin.enabled:true}") boolean enabled) {
        this.users = users;
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
        if (users.adminExists()) {
            return;
        }
        String password = configured.isBlank() ? randomPassword() : configured;
        if (password.length() < 10) {
            throw new IllegalStateException("openamr.initial-admin-password must have at least 10 characters");
        }
        users.insertFirstAdmin(passwords.encode(password), "Администратор / Administrator");
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
