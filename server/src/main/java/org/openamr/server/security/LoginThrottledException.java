package org.openamr.server.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused by {@link LoginThrottle} before its password was looked at. */
public class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed sign-ins from this address; try again in " + seconds(retryAfter) + " s");
        this.retryAfterSeconds = seconds(retryAfter);
    }

    /** Whole seconds, rounded up, so that coming back on time is never refused again. */
    private static long seconds(Duration d) {
        return Math.max(1, d.plusNanos(999_999_999).toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
