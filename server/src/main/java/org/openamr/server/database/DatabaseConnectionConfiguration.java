package org.openamr.server.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The primary pool's url, user and password, embedded or external, for any further pool. */
@Configuration(proxyBeanMethods = false)
class DatabaseConnectionConfiguration {

    @Bean
    DatabaseConnection databaseConnection(HikariDataSource dataSource) {
        return new DatabaseConnection(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword());
    }
}
