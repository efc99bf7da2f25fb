package org.openamr.server.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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

    /**
     * The pages load scripts and styles from the server only (htmx, ECharts, charts.js; no inline script or
     * handler). Style attributes are allowed: ECharts writes its tooltips as HTML with them, and they cannot
     * run code. No page may be framed (clickjacking) nor post a form elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, and old hashes keep working if the default ever changes
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle,
            ClientAddress clientAddress) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, clientAddress));
    }

    /**
     * @param apiDocsPublic whether the OpenAPI description and Swagger UI may be read without signing in:
     *                      {@code openamr.api-docs.public}, by default only on the demo
     */
    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, UserAccounts users,
            AuthenticationManager authenticationManager,
            @Value("${openamr.api-docs.public:${openamr.demo.enabled:false}}") boolean apiDocsPublic) throws Exception {
        RequestMatcher tokenSignedIn = ApiTokenFilter::authenticated;
        RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
        CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        List<String> open = new ArrayList<>(List.of("/ingest/**", "/login", "/error", "/actuator/health", "/reports/download/*",
                "/webjars/**", "/css/**", "/js/**"));
        if (apiDocsPublic) {
            open.addAll(List.of("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"));
        }
        http
            .authenticationManager(authenticationManager)
            // before the CSRF check, which must know whether a valid token (not just any Authorization
            // header) signed the request in
            .addFilterBefore(new ApiTokenFilter(users), CsrfFilter.class)
            .addFilterAfter(new SessionAccountCheck(users), ApiTokenFilter.class)
            .addFilterBefore(new MultipartParameters(), CsrfFilter.class)
            // spa(): the token is also readable from the XSRF-TOKEN cookie and accepted raw in the
            // X-XSRF-TOKEN header, for scripts of the web pages (forms carry it as a hidden field)
            .csrf(csrf -> csrf
                .spa()
                .csrfTokenRepository(csrfCookie)
                .ignoringRequestMatchers(tokenSignedIn)
                .ignoringRequestMatchers("/ingest/**"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(open.toArray(String[]::new)).permitAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
            .logout(logout -> logout.permitAll())
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                    new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api));
        return http.build();
    }

    /** Back to the sign-in page; a throttled attempt is told after how many seconds it is heard again. */
    private static AuthenticationFailureHandler loginFailure() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath() + "/login?error"
                + (exception instanceof LoginThrottledException t ? "&retry=" + t.retryAfterSeconds() : ""));
    }
}
