package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets each client (IP address) submit at most N registrations per minute, as a token bucket refilled
 * continuously (N per 60 s), so a burst of N passes and then one more every 60/N seconds. {@code 0}
 * switches the limit off (load tests).
 *
 * <p>Thread-safe; memory stays bounded: a client idle for a minute has a full bucket again, which is
 * the same as no entry, so such entries are dropped; past {@code maxClients} entries the least recently
 * seen are dropped too (they merely get a fresh bucket).
 *
 * <p>Kept as a hand-written map rather than a cache library: a bucket is state, not a recomputable value, and
 * its eviction rules matter (an idle minute means a full bucket, so dropping those is exact; a flood of new
 * clients drops the least recently seen first, in one sort per 10 % of the cap). Each update must also be an
 * atomic read-modify-write of the bucket, which {@code ConcurrentHashMap.compute} gives directly.
 */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int SWEEP_EVERY = 1_024;

    private final int perMinute;
    private final int maxClients;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    /** @param maxClients most clients remembered at once, e.g. 100,000 (about 10 MB) */
    public RateLimiter(int perMinute, int maxClients, Clock clock) {
        if (perMinute < 0 || maxClients < 1) {
            throw new IllegalArgumentException("perMinute >= 0 and maxClients >= 1");
        }
        this.perMinute = perMinute;
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** The limiter the {@code registration-rate-limit} setting asks for, remembering up to 100,000 clients. */
    public static RateLimiter from(EventsConfig config, Clock clock) {
        return new RateLimiter(config.registrationRateLimit(), 100_000, clock);
    }

    /** Takes one submission from the client's allowance; {@code false} means "too many, try later" (HTTP 429). */
    public boolean tryAcquire(String client) {
        if (perMinute == 0) {
            return true;
        }
        long now = clock.millis();
        boolean[] granted = new boolean[1];
        buckets.compute(client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(perMinute, now) : bucket.refilled(perMinute, now);
            granted[0] = current.tokens >= 1;
            return granted[0] ? new Bucket(current.tokens - 1, now) : current;
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0 || buckets.size() > maxClients) {
            sweep(now);
        }
        return granted[0];
    }

    /** Seconds until the client may submit again (for a {@code Retry-After} header); 0 when it may now. */
    public long secondsUntilNext(String client) {
        Bucket bucket = buckets.get(client);
        if (perMinute == 0 || bucket == null) {
            return 0;
        }
        double tokens = bucket.refilled(perMinute, clock.millis()).tokens;
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * WINDOW_MILLIS / perMinute / 1000.0);
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(entry -> now - entry.getValue().updated >= WINDOW_MILLIS);
        if (buckets.size() > maxClients) {
            // Down to 90 % of the cap, so that a flood of new clients sorts the map once per 10 %, not per request.
            int excess = buckets.size() - maxClients * 9 / 10;
            buckets.entrySet().stream()
                    .sorted(Comparator.comparingLong(entry -> entry.getValue().updated))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(buckets::remove);
        }
    }

    /** Tokens left at an instant; immutable so that {@code compute} swaps it atomically. */
    private record Bucket(double tokens, long updated) {

        Bucket refilled(int perMinute, long now) {
            long elapsed = Math.max(0, now - updated);
            return new Bucket(Math.min(perMinute, tokens + (double) elapsed * perMinute / WINDOW_MILLIS), now);
        }
    }
}
