package org.openamr.server.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: the account's role and the organisation or premise that bounds its scope. */
public record OpenAmrUser(long id, String username, String passwordHash, Role role, Long organisationId,
                          Long premiseId, boolean enabled) implements UserDetails {

    public AccessScope scope() {
        String actor = "user:" + username;
        return switch (role) {
            case ADMIN -> new AccessScope.Everything(actor);
            case OPERATOR -> new AccessScope.ServiceCompany(actor, organisationId);
            case MANAGER -> new AccessScope.ManagementCompany(actor, organisationId);
            case RESIDENT -> new AccessScope.Resident(actor, premiseId);
        };
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "OpenAmrUser[" + username + ", " + role + "]";
    }
}
