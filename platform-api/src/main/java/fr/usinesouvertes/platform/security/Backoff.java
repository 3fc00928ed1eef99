package fr.usinesouvertes.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Growing delays per key: the first {@code free} events cost nothing; after that, the next attempt must wait
 * {@code first}, doubling with each further event up to {@code max}, counted from the last event. A key is
 * forgotten {@link #FORGET_AFTER} after its last event. Per node, in memory, under one lock (the events it
 * counts, failed logins and reset requests, are rare).
 *
 * <p>Deliberately a plain map rather than a cache (such as Caffeine): its entries are state, not copies of
 * something that can be recomputed. A size-bound cache would evict live counters to make room, so that an
 * attacker could wipe a login's backoff by failing with many other keys; here only keys idle for
 * {@link #FORGET_AFTER} are ever dropped, and a sweep runs only when {@value #MAX_KEYS} keys are held.
 */
final class Backoff {

    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEYS = 100_000;

    private final int free;
    private final long firstMillis;
    private final long maxMillis;
    private final Clock clock;
    private final Map<String, State> states = new HashMap<>();

    private static final class State {
        int count;
        long last;
    }

    /** {@code free} 0 turns it off: nothing ever waits. */
    Backoff(int free, Duration first, Duration max, Clock clock) {
        this.free = free;
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.clock = clock;
    }

    /** How long an attempt for {@code key} must still wait: zero when it may go ahead now. */
    synchronized Duration waitFor(String key) {
        State state = live(key, clock.millis());
        if (state == null || state.count < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(state.count - free, 30);
        long delay = Math.min(maxMillis, firstMillis << doublings);
        long remaining = state.last + delay - clock.millis();
        return remaining > 0 ? Duration.ofMillis(remaining) : Duration.ZERO;
    }

    synchronized void record(String key) {
        if (free == 0) {
            return;
        }
        long now = clock.millis();
        State state = live(key, now);
        if (state == null) {
            if (states.size() >= MAX_KEYS) {
                states.values().removeIf(old -> now - old.last >= FORGET_AFTER.toMillis());
            }
            state = new State();
            states.put(key, state);
        }
        state.count++;
        state.last = now;
    }

    synchronized void forget(String key) {
        states.remove(key);
    }

    private State live(String key, long now) {
        State state = states.get(key);
        if (state != null && now - state.last >= FORGET_AFTER.toMillis()) {
            states.remove(key);
            return null;
        }
        return state;
    }
}
