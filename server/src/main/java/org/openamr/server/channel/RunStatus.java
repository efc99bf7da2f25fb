package org.openamr.server.channel;

/** Where a run stands; {@code poll_run.status} keeps the name. */
public enum RunStatus {
    /** Started and not ended yet (or ended by a server that stopped without saying so). */
    RUNNING,
    /** Every meter read. */
    OK,
    /** Some meters read, some not (or the channel broke off after reading some). */
    PARTIAL,
    /** No meter read. */
    FAILED
}
