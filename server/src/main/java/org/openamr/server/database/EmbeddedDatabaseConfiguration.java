package org.openamr.server.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (nor {@code SPRING_DATASOURCE_URL}), the server runs on an
 * embedded PostgreSQL whose data lives in {@code openamr.data-dir} (default {@code ~/.openamr}):
 * durable, and protected by the password in {@code database.password} beside the server's key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__embedded__")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${openamr.data-dir}") Path dataDir) {
        Path pgdata = dataDir.resolve("pgdata");
        EmbeddedDatabase db = EmbeddedDatabase.forServer(pgdata, dataDir.resolve("database.password"));
        log.info("Embedded PostgreSQL on port {} with data in {}", db.port(), pgdata);
        return db;
    }

    /** The pool takes {@code spring.datasource.hikari.*} as an external database's pool does. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase db) {
        DatabaseConnection connection = db.connection(EmbeddedDatabase.DATABASE);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(connection.url());
        ds.setUsername(connection.user());
        ds.setPassword(connection.password());
        ds.setMaximumPoolSize(10);
        ds.setPoolName("openamr");
        return ds;
    }
}
