package org.openamr.server.api;

/** A change that contradicts what is stored, e.g. a second meter installed at a point at the same time. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
