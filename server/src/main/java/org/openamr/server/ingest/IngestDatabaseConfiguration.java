package org.openamr.server.ingest;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openamr.server.reading.StoredReadings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingest path's own small connection pool, to the same database as the main pool (embedded or
 * external: its URL, user and password are taken from the main pool), so that slow web pages
 * exhausting the main pool cannot starve concentrator pushes.
 */
@Configuration(proxyBeanMethods = false)
class IngestDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    IngestDatabase ingestDatabase(DataSource main, @Value("${openamr.ingest.pool-size:4}") int poolSize,
            StoredReadings stored) throws SQLException {
        HikariDataSource primary = main instanceof HikariDataSource h ? h
                : main.isWrapperFor(HikariDataSource.class) ? main.unwrap(HikariDataSource.class) : null;
        if (primary == null) {
            log.warn("the main DataSource is not a Hikari pool ({}); ingest shares it", main.getClass().getName());
            return new IngestDatabase(main, stored);
        }
        HikariDataSource own = new HikariDataSource();
        own.setJdbcUrl(primary.getJdbcUrl());
        own.setUsername(primary.getUsername());
        own.setPassword(primary.getPassword());
        if (primary.getDriverClassName() != null) {
            own.setDriverClassName(primary.getDriverClassName());
        }
        // the session settings the main pool gives its connections (timeouts, properties) hold here too
        own.setDataSourceProperties(primary.getDataSourceProperties());
        own.setConnectionInitSql(primary.getConnectionInitSql());
        own.setConnectionTimeout(primary.getConnectionTimeout());
        own.setMaximumPoolSize(poolSize);
        own.setMinimumIdle(0);
        own.setIdleTimeout(primary.getIdleTimeout());
        own.setPoolName("openamr-ingest");
        return new IngestDatabase(own, stored);
    }
}
