package org.openamr.server.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (nor {@code SPRING_DATASOURCE_URL}), the server runs on an
 * embedded PostgreSQL whose data lives in {@code openamr.data-dir} (default {@code ~/.openamr}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__embedded__")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${openamr.data-dir}") Path dataDir) {
        Path pgdata = dataDir.resolve("pgdata");
        EmbeddedDatabase db = EmbeddedDatabase.start(pgdata);
        log.info("Embedded PostgreSQL on port {} with data in {}", db.port(), pgdata);
        return db;
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl(EmbeddedDatabase.DATABASE));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("openamr");
        return ds;
    }
}
