package org.openamr.server.api;

/** Input that cannot be accepted; the message says what, where and why. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
