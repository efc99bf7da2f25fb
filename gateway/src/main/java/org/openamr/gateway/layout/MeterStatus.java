package org.openamr.gateway.layout;

/** What a meter block's status register says about its meter; {@link #code()} is the register's value. */
public enum MeterStatus {
    /** No meter is listed for this slot (a gap in the meter file). */
    EMPTY(0),
    /** Listed, but no read-out has been tried since the gateway started. */
    NOT_READ_YET(1),
    /** The last read-out succeeded; the values are from it. */
    OK(2),
    /** The last read-out got no answer; the values, if any, are from the last successful one (see the age). */
    NOT_ANSWERING(3),
    /** The last read-out got an answer that could not be used (damaged, another meter's, an application error). */
    BAD_ANSWER(4);

    private final int code;

    MeterStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
