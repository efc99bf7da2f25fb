package org.openamr.demo;

import java.time.Clock;
import java.util.List;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.database.EmbeddedDatabase;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.web.SignInHints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code openamr.demo.enabled=true} ({@code openamr demo}): a virtual building on a virtual M-Bus,
 * seeded into the registry with a year of history and one account per role. Imported by {@link OpenAmrDemo}
 * only: the server alone never scans this package. The property stays the switch because the server reads it
 * too (no initial administrator, public API description).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "openamr.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    DemoBuilding demoBuilding(DemoProperties properties) {
        return new DemoBuilding(properties);
    }

    @Bean(destroyMethod = "close")
    DemoBus demoBus(DemoBuilding building) {
        return DemoBus.start(building, Clock.systemUTC());
    }

    @Bean
    DemoStartup demoStartup(DemoProperties properties, DemoBuilding building, DemoBus bus, JdbcClient jdbc,
            PlatformTransactionManager transactions, AuditActor audit, PasswordEncoder passwords, ReadingStore store,
            ObjectProvider<EmbeddedDatabase> embedded, Environment environment) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return new DemoStartup(properties, building, bus, new DemoRegistry(jdbc, tx, audit, passwords),
                new DemoBackfill(store, tx, audit, jdbc), embedded, environment);
    }

    /** The sign-in page lists the demo's accounts with their fixed passwords (printed in the banner anyway). */
    @Bean
    SignInHints demoSignInHints() {
        List<SignInHints.Account> accounts = DemoRegistry.ACCOUNTS.stream()
                .map(a -> new SignInHints.Account(a.username(), a.password(), a.roleRu(), a.roleEn())).toList();
        return () -> accounts;
    }
}
