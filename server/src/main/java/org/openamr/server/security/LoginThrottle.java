package org.openamr.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing without handing a stranger the power to lock somebody out. Failed sign-ins are
 * counted per (user name, client address): after {@value #FREE_FAILURES} the next attempt from that address is
 * heard only after {@link #FIRST_DELAY}, doubling with every further failure up to {@link #MAX_DELAY}; an
 * attempt before then is refused without looking at the password (so a guesser learns nothing) and told when
 * to come back, rather than held on a request thread. One address is slowed the same way after
 * {@value #ADDRESS_FREE_FAILURES} failures across all names. When a name has failed {@value #NAME_ALERT} times
 * from anywhere, every address that has failed for it waits the longest delay, while an address with no
 * failures (its owner's) still gets in with the right password. Failures are forgotten after {@link #WINDOW}, or
 * when an administrator vouches for the account ({@link #release}). Counted per server instance.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final int NAME_ALERT = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration WINDOW = Duration.ofHours(1);
    /** Beyond this many keys, those without a failure in the window are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private record Pair(String name, String address) {
    }

    private final Clock clock;
    private final Map<Pair, Deque<Instant>> byPair = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byName = new ConcurrentHashMap<>();

    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this name must wait from this address before a password is checked again; empty: now. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Pair pair = new Pair(name(username), address);
        Instant until = later(heardAfter(byPair.get(pair), FREE_FAILURES, now),
                heardAfter(byAddress.get(address), ADDRESS_FREE_FAILURES, now));
        if (count(byName.get(pair.name()), now) >= NAME_ALERT) {
            Instant last = last(byPair.get(pair), now);
            if (last != null) {
                until = later(until, last.plus(MAX_DELAY));
            }
        }
        return until == null || !until.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, until));
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String name = name(username);
        add(byPair, new Pair(name, address), now);
        add(byAddress, address, now);
        add(byName, name, now);
    }

    /** The right password from this address: its earlier failures for this name were the owner's typos. */
    public void succeeded(String username, String address) {
        byPair.remove(new Pair(name(username), address));
    }

    /** Whether sign-ins under this name are refused now from some address, or it is under attack. */
    public boolean userBlocked(String username) {
        Instant now = clock.instant();
        String name = name(username);
        return count(byName.get(name), now) >= NAME_ALERT
                || byPair.keySet().stream().anyMatch(p -> p.name().equals(name) && refusal(name, p.address()).isPresent());
    }

    /** Forgets the name's failed sign-ins from every address: an administrator vouches for the account. */
    public void release(String username) {
        String name = name(username);
        byName.remove(name);
        byPair.keySet().removeIf(p -> p.name().equals(name));
    }

    private static String name(String username) {
        return username.toLowerCase(java.util.Locale.ROOT);
    }

    /** When the next attempt is heard after the failures in {@code q}, the first {@code free} costing nothing. */
    private Instant heardAfter(Deque<Instant> q, int free, Instant now) {
        int n = count(q, now);
        if (n < free) {
            return null;
        }
        int doublings = Math.min(n - free, 20);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        return last(q, now).plus(delay);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private Instant last(Deque<Instant> q, Instant now) {
        if (q == null || count(q, now) == 0) {
            return null;
        }
        synchronized (q) {
            return q.peekLast();
        }
    }

    private static int count(Deque<Instant> q, Instant now) {
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            Instant horizon = now.minus(WINDOW);
            while (!q.isEmpty() && q.peekFirst().isBefore(horizon)) {
                q.pollFirst();
            }
            return q.size();
        }
    }

    private static <K> void add(Map<K, Deque<Instant>> map, K key, Instant now) {
        if (map.size() > TIDY_ABOVE) {
            map.values().removeIf(q -> count(q, now) == 0);
        }
        Deque<Instant> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            // more than this many would not lengthen any delay
            if (q.size() > NAME_ALERT * 4) {
                q.pollFirst();
            }
        }
    }
}
