package org.openamr.collector.delivery;

/**
 * A delivery that did not happen, with what the destination answered (an HTTP status and body, an FTP or
 * SMTP reply, a connection error) so that the log and the web page can show it.
 */
public final class DeliveryException extends Exception {

    /** Whether sending the same batch again may succeed (a timeout, a 5xx, 421) or never will (401, 413, 550). */
    public enum Kind {
        RETRYABLE,
        REFUSED
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
