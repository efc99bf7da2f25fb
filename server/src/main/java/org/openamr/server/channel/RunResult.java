package org.openamr.server.channel;

/**
 * How a run ended.
 *
 * @param status       OK, PARTIAL or FAILED (never RUNNING)
 * @param metersFound  meters that answered a search; null for a poll
 */
public record RunResult(long runId, RunStatus status, int metersTotal, int metersRead, int metersFailed,
                        Integer metersFound, int metersCreated, int readingsInserted, int readingsDuplicate,
                        Text message) {

    static RunStatus status(int read, int failed, boolean channelFailed) {
        if (channelFailed && read == 0 || read == 0 && failed > 0) {
            return RunStatus.FAILED;
        }
        return failed > 0 || channelFailed ? RunStatus.PARTIAL : RunStatus.OK;
    }
}
