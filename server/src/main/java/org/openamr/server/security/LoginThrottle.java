package org.openamr.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins within {@link #WINDOW} for one
 * user name, or for one client address, further attempts are refused until the window has passed —
 * even with the right password, so that a guesser learns nothing. Counted per server instance.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean blocked(String username, String address) {
        return userBlocked(username) || count("a:" + address) >= MAX_FAILURES * 4;
    }

    public void failed(String username, String address) {
        add("u:" + username.toLowerCase());
        add("a:" + address);
    }

    public void succeeded(String username) {
        release(username);
    }

    /** Whether sign-ins under this name are refused now, whatever the address. */
    public boolean userBlocked(String username) {
        return count("u:" + username.toLowerCase()) >= MAX_FAILURES;
    }

    /** Forgets the name's failed sign-ins: an administrator vouches for the account. */
    public void release(String username) {
        failures.remove("u:" + username.toLowerCase());
    }

    private int count(String key) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            Instant horizon = clock.instant().minus(WINDOW);
            while (!q.isEmpty() && q.peekFirst().isBefore(horizon)) {
                q.pollFirst();
            }
            return q.size();
        }
    }

    private void add(String key) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(clock.instant());
            if (q.size() > MAX_FAILURES * 8) {
                q.pollFirst();
            }
        }
    }
}
