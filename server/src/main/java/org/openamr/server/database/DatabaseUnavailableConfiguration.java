package org.openamr.server.database;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

    /** Before Spring Security's filters (order -100), which read tokens and sessions' accounts from the database. */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
