package org.openamr.server.security;

/** What a user is: each role sees a slice of the registry, decided in {@link AccessScope}. */
public enum Role {
    /** Runs the system: every organisation, building and user. */
    ADMIN,
    /** A service company: the buildings it serves, including their channels and polling. */
    OPERATOR,
    /** A management company: its buildings. */
    MANAGER,
    /** A resident: their own premise, read-only. */
    RESIDENT
}
