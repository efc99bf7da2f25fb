package org.openamr.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in API clients that send {@code Authorization: Bearer oamr_api_…}. Concentrator push
 * tokens are not user tokens and are checked by the ingest endpoints themselves.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    public static final String PREFIX = "oamr_api_";
    /** Set on a request that a valid API token signed in: it alone may go without a CSRF token. */
    static final String AUTHENTICATED = ApiTokenFilter.class.getName() + ".AUTHENTICATED";

    /** Whether a valid API token, not merely an Authorization header, signed this request in. */
    public static boolean authenticated(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AUTHENTICATED));
    }

    private final UserAccounts users;

    public ApiTokenFilter(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = Tokens.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null && token.startsWith(PREFIX)) {
            Optional<Long> userId = users.tokenUsed(Tokens.hash(token));
            Optional<OpenAmrUser> user = userId.flatMap(users::byId).filter(OpenAmrUser::enabled);
            if (user.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"API token is unknown, expired or its user is disabled\"}");
                return;
            }
            var auth = new UsernamePasswordAuthenticationToken(user.get(), null, user.get().getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
            request.setAttribute(AUTHENTICATED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }
}
