package org.openamr.acquisition.modbus;

/**
 * An answer that is not the answer to the request, after every attempt: from another unit id, to
 * another function, with fewer or more registers than asked, or malformed. Often a late answer to an
 * earlier request, or two slaves sharing an id.
 */
public final class UnexpectedAnswerException extends ModbusMasterException {

    public UnexpectedAnswerException(String channel, int unit, String what, int attempts) {
        super(channel, unit, what + (attempts > 1 ? " (" + attempts + " attempts)" : ""), null);
    }

    @Override
    public String kind() {
        return "unexpected-answer";
    }
}
