package org.openamr.server.ingest;

/**
 * A part of a push that was not accepted: which meter (as the document names it, null when it names
 * none), where in the document, why, the part itself as sent, and how many values it held.
 */
public record Rejection(String meter, String location, String reason, String fragment, int valueCount) {

    /** One line for people: {@code meter 46174428, data OBIS 6-0:1.0.0*255, entry 2: VAL 'abc' is not a number}. */
    public String message() {
        return (meter == null ? "" : "meter " + meter + ", ") + location + ": " + reason;
    }
}
