package org.openamr.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account was changed since it signed in: locked, deleted, given another role
 * or scope, or a new password. The session keeps the account as it was at sign-in, so without this check a
 * locked user would go on working until the session expired. API tokens need no such check: every request
 * with one reads the account anew.
 */
public class SessionAccountCheck extends OncePerRequestFilter {

    private final UserAccounts users;

    public SessionAccountCheck(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OpenAmrUser signedIn
                && !ApiTokenFilter.authenticated(request)) {
            Optional<OpenAmrUser> now = users.byId(signedIn.id());
            // the record compares every field that decides access, the password hash included
            if (now.isEmpty() || !now.get().enabled() || !now.get().equals(signedIn)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
