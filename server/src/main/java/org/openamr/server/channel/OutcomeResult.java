package org.openamr.server.channel;

/**
 * What a run got from one meter; stored as {@code poll_meter_outcome.ok} and {@code .silent}.
 */
public enum OutcomeResult {
    /** The meter answered and its values were read. */
    READ,
    /** No reply after every retry. */
    SILENT,
    /** Any other failure: a garbled or wrong answer, no address to reach it by, a broken channel. */
    ERROR;

    static OutcomeResult of(boolean ok, boolean silent) {
        return ok ? READ : silent ? SILENT : ERROR;
    }
}
