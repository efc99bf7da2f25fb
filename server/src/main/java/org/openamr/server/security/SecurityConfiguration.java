package org.openamr.server.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser sessions sign in with a form and are protected against CSRF; API clients send a bearer
 * token and need no CSRF token (a browser never attaches one on its own). Concentrators push with
 * their own tokens to {@code /ingest/**}. Roles are checked on endpoints; what each role may see
 * is decided again in every query by {@link AccessScope}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and old hashes keep working if the default ever changes
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, JdbcClient jdbc, UserAccounts users,
            AuthenticationManager authenticationManager) throws Exception {
        RequestMatcher bearer = request -> Tokens.bearer(request.getHeader(HttpHeaders.AUTHORIZATION)) != null;
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        http
            .authenticationManager(authenticationManager)
            .addFilterBefore(new ApiTokenFilter(jdbc, users), BasicAuthenticationFilter.class)
            .addFilterAfter(new SessionAccountCheck(users), ApiTokenFilter.class)
            // spa(): the token is also readable from the XSRF-TOKEN cookie and accepted raw in the
            // X-XSRF-TOKEN header, for scripts of the web pages (forms carry it as a hidden field)
            .csrf(csrf -> csrf
                .spa()
                .ignoringRequestMatchers(bearer)
                .ignoringRequestMatchers("/ingest/**"))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/ingest/**", "/login", "/error", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html", "/actuator/health", "/webjars/**", "/css/**", "/js/**").permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").permitAll())
            .logout(logout -> logout.permitAll())
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }
}
