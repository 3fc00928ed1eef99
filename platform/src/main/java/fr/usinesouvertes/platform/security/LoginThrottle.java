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
    private final java.util.Set<String> trustedProxies;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    /** {@code limit} 0 turns the throttle off. */
    public LoginThrottle(int limit, Clock clock) {
        this(limit, clock, java.util.Set.of());
    }

    /** With the load balancers whose {@code X-Forwarded-For} header names the client. */
    public LoginThrottle(int limit, Clock clock, java.util.Set<String> trustedProxies) {
        this.limit = limit;
        this.clock = clock;
        this.trustedProxies = trustedProxies == null ? java.util.Set.of() : java.util.Set.copyOf(trustedProxies);
    }

    /**
     * The client's address: the connection's, or for a connection from a trusted proxy the last entry of
     * {@code X-Forwarded-For} (the one that proxy added; earlier entries are the client's to forge).
     */
    public String clientAddress(jakarta.servlet.http.HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() ? remote : last;
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
