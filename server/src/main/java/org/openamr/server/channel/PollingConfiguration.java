package org.openamr.server.channel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock on the {@code shedlock} table: one lock per channel ({@code channel-<id>}), taken by
 * scheduled polls, read-now and searches alike, so that two servers on one database never work on
 * the same bus at once. Lock times come from the database's clock, so instances with skewed clocks
 * still agree; a held lock is kept alive while its run lasts and expires
 * {@code lock-at-most-for} after an instance dies.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollingProperties.class)
class PollingConfiguration {

    @Bean
    InstanceName instanceName(PollingProperties properties) {
        return InstanceName.of(properties.instance());
    }

    @Bean(destroyMethod = "close")
    LockKeepAlive lockKeepAlive() {
        return new LockKeepAlive(Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openamr-lock-keepalive");
            t.setDaemon(true);
            return t;
        }));
    }

    @Bean
    LockingTaskExecutor channelLockExecutor(JdbcTemplate jdbc, InstanceName instance, LockKeepAlive keepAlive) {
        JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(jdbc)
                        .withTableName("shedlock")
                        .withLockedByValue(instance.value())
                        .usingDbTime()
                        .build());
        return new DefaultLockingTaskExecutor(new KeepAliveLockProvider(provider, keepAlive.service()));
    }

    /**
     * Holds the keep-alive timer. Not exposed as an executor bean: Spring Boot would then no longer
     * make its own task executor.
     */
    record LockKeepAlive(ScheduledExecutorService service) implements AutoCloseable {
        @Override
        public void close() {
            service.shutdownNow();
        }
    }
}
