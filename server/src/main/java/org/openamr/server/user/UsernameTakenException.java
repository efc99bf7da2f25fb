package org.openamr.server.user;

import org.openamr.server.api.ConflictException;

/** Another account has this user name (sign-in ignores case, so "Ivanov" and "ivanov" are one name). */
public class UsernameTakenException extends ConflictException {

    private final String username;

    public UsernameTakenException(String username) {
        super("user name '" + username + "' is taken (names are compared without regard to case)");
        this.username = username;
    }

    public String username() {
        return username;
    }
}
