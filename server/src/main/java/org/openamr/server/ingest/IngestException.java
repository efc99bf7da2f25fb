package org.openamr.server.ingest;

import org.springframework.http.HttpStatus;

/**
 * A push refused as a whole: nothing of it is written. The message says what is wrong and where, for
 * the person who configures the concentrator.
 */
public class IngestException extends RuntimeException {

    private final HttpStatus status;

    public IngestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    public static IngestException badDocument(String message) {
        return new IngestException(HttpStatus.BAD_REQUEST, message);
    }

    public static IngestException tooLarge(String message) {
        return new IngestException(HttpStatus.CONTENT_TOO_LARGE, message);
    }
}
