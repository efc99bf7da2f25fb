package org.openamr.wmbus.receiver;

/** A line of a text format (rtl_wmbus output, a replay file) that is not what the format allows. */
public final class LineFormatException extends Exception {

    public LineFormatException(String message) {
        super(message);
    }
}
