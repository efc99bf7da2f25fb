package org.openamr.server.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.openamr.server.security.Tokens;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a scraper that sends the configured {@code openamr.metrics.token} as its bearer token, with the one
 * authority {@link #AUTHORITY}: it may read the metrics and nothing else. The tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, in a time that says nothing about how much of a guess was right.
 */
final class ScrapeTokenFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "METRICS_SCRAPE";
    static final String PRINCIPAL = "metrics-scraper";

    /** Null: no scrape token configured. */
    private final byte[] expected;

    ScrapeTokenFilter(String token) {
        this.expected = token.isEmpty() ? null : Tokens.hash(token);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = Tokens.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (expected != null && token != null && MessageDigest.isEqual(expected, Tokens.hash(token))) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    PRINCIPAL, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
        }
        chain.doFilter(request, response);
    }
}
