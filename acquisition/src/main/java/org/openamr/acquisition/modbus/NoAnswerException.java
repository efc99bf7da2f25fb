package org.openamr.acquisition.modbus;

import java.time.Duration;

/**
 * No complete answer within the response timeout, after every attempt: the unit is absent, switched
 * off, set to another id or speed, or its answer was cut short (an incomplete frame is waited for
 * until the timeout, so the two look alike).
 */
public final class NoAnswerException extends ModbusMasterException {

    public NoAnswerException(String channel, int unit, Duration timeout, Duration onLine, int attempts) {
        super(channel, unit, "no complete answer within " + timeout.toMillis() + " ms"
                + (onLine.isZero() ? "" : " and the " + Math.round(onLine.toNanos() / 1e6)
                        + " ms of request and answer on the line")
                + (attempts > 1 ? " (" + attempts + " attempts)" : ""), null);
    }

    @Override
    public String kind() {
        return "timeout";
    }
}
