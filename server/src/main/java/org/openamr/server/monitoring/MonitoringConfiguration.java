package org.openamr.server.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.openamr.server.database.DatabaseConnection;
import org.openamr.server.security.ApiTokenFilter;
import org.openamr.server.security.UserAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The actuator's side of the server (MONITORING.md): the health indicators that readiness is made of, and who may
 * read what under {@code /actuator}. Health, liveness, readiness and info are open, their details shown to
 * administrators only (Spring's {@code management.endpoint.health.roles}); the Prometheus metrics need an
 * administrator's API token or the scrape token; every other actuator path is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MonitoringConfiguration {

    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    HealthIndicator databaseHealthIndicator(DatabaseConnection connection) {
        return new DatabaseHealthIndicator(new DatabaseProbe(connection));
    }

    @Bean
    HealthIndicator migrationsHealthIndicator(Flyway flyway, DatabaseConnection connection) {
        return new MigrationsHealthIndicator(flyway, new DatabaseProbe(connection));
    }

    @Bean
    HealthIndicator schedulersHealthIndicator(ObjectProvider<ScheduledTaskHolder> holders) {
        return new SchedulersHealthIndicator(holders, Clock.systemUTC());
    }

    /**
     * Before the application's own chain (which signs browsers in with a form and sends them to the sign-in page):
     * the actuator's clients are machines, answered 401 and 403, with no session and no CSRF token (nothing here
     * changes anything).
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 50)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, UserAccounts users, MetricsProperties properties)
            throws Exception {
        http.securityMatcher("/actuator/**")
            .addFilterBefore(new ApiTokenFilter(users), AuthorizationFilter.class)
            .addFilterBefore(new ScrapeTokenFilter(properties.token()), AuthorizationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .requestCache(cache -> cache.disable())
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers(PROMETHEUS).hasAnyAuthority("ROLE_ADMIN", ScrapeTokenFilter.AUTHORITY)
                .anyRequest().denyAll())
            .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized()));
        return http.build();
    }

    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"openamr-metrics\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"the metrics need an administrator's API token or the scrape token"
                    + " (openamr.metrics.token) as a bearer token\"}");
        };
    }
}
