package org.openamr.server.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request and its {@link AccessScope}. */
@Component
public class CurrentUser {

    public OpenAmrUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OpenAmrUser u) {
            return u;
        }
        throw new AccessDeniedException("not signed in");
    }

    public AccessScope scope() {
        return user().scope();
    }

    /** The caller's scope, if the caller may change registry data at all (within that scope). */
    public AccessScope registryEditor() {
        AccessScope scope = scope();
        if (!scope.mayEditRegistry()) {
            throw new AccessDeniedException("role " + scope.role() + " may not change the registry");
        }
        return scope;
    }
}
