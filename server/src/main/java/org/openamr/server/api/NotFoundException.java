package org.openamr.server.api;

/**
 * The thing asked for does not exist or is outside the caller's scope. Both answer 404, so that
 * nobody learns which ids exist in buildings they may not see.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
