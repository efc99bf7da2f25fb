package org.openamr.demo;

import java.time.Clock;
import java.util.List;
import org.openamr.server.audit.AuditActor;
import org.openamr.server.building.Buildings;
import org.openamr.server.channel.ChannelService;
import org.openamr.server.channel.ChannelRepository;
import org.openamr.server.database.EmbeddedDatabase;
import org.openamr.server.meter.Meters;
import org.openamr.server.organisation.Organisations;
import org.openamr.server.point.MeteringPoints;
import org.openamr.server.premise.Premises;
import org.openamr.server.reading.ReadingStore;
import org.openamr.server.user.ApiTokenService;
import org.openamr.server.user.UserService;
import org.openamr.server.web.SignInHints;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.openamr.server.report.subscription.SubscriptionService;
import org.openamr.server.security.UserAccounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    DemoRegistry demoRegistry(JdbcClient jdbc, PlatformTransactionManager transactions, AuditActor audit,
            Organisations organisations, Buildings buildings, Premises premises, MeteringPoints points,
            ChannelService channelService, ChannelRepository channels, Meters meters, UserService users,
            ApiTokenService tokens, SubscriptionService subscriptions, UserAccounts accounts) {
        return new DemoRegistry(jdbc, new TransactionTemplate(transactions), audit,
                new DemoRegistry.Writers(organisations, buildings, premises, points, channelService, channels, meters,
                        users, tokens, subscriptions, accounts));
    }

    @Bean
    DemoStartup demoStartup(DemoProperties properties, DemoBuilding building, DemoBus bus, DemoRegistry registry,
            JdbcClient jdbc, PlatformTransactionManager transactions, AuditActor audit, ReadingStore store,
            ObjectProvider<EmbeddedDatabase> embedded, Environment environment) {
        return new DemoStartup(properties, building, bus, registry,
                new DemoBackfill(store, new TransactionTemplate(transactions), audit, jdbc), embedded, environment,
                properties.radioMeters() == 0 ? null : new DemoRadioBuilding(properties));
    }

    /** The sign-in page lists the demo's accounts with their fixed passwords (printed in the banner anyway). */
    @Bean
    SignInHints demoSignInHints() {
        List<SignInHints.Account> accounts = DemoRegistry.ACCOUNTS.stream()
                .map(a -> new SignInHints.Account(a.username(), a.password(), a.roleRu(), a.roleEn())).toList();
        return () -> accounts;
    }
}
