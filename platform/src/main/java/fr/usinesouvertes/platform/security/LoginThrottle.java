package fr.usinesouvertes.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.HashMap;

/**
 * Slows down password guessing: after {@code limit} failed logins within {@link #WINDOW} for one login,
 * or from one client address, further attempts are refused until the oldest failure leaves the window.
 * Counted per node, in memory, under one lock (logins are rare) (a guesser spread over n nodes gets n times the attempts).
 */
public final class LoginThrottle {

    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final int limit;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    /** {@code limit} 0 turns the throttle off. */
    public LoginThrottle(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Whether an attempt for this login from this address must be refused now. */
    public synchronized boolean isBlocked(String login, String address) {
        if (limit == 0) {
            return false;
        }
        long now = clock.millis();
        return count(loginKey(login), now) >= limit || count(addressKey(address), now) >= limit;
    }

    public synchronized void recordFailure(String login, String address) {
        if (limit == 0) {
            return;
        }
        long now = clock.millis();
        for (String key : new String[]{loginKey(login), addressKey(address)}) {
            failures.compute(key, (k, times) -> {
                Deque<Long> list = times == null ? new ArrayDeque<>() : times;
                list.addLast(now);
                while (list.size() > limit) {
                    list.removeFirst();
                }
                return list;
            });
        }
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(entry -> count(entry.getKey(), now) == 0);
        }
    }

    /** A successful login forgets the login's failures (not the address's). */
    public synchronized void recordSuccess(String login) {
        failures.remove(loginKey(login));
    }

    private int count(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long oldest = now - WINDOW.toMillis();
        return (int) times.stream().filter(time -> time > oldest).count();
    }

    private static String loginKey(String login) {
        return "login:" + (login == null ? "" : login.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
