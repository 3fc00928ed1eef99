package fr.usinesouvertes.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Slows down password guessing without letting anyone lock an owner out: failed logins are counted per
 * (login, client address) and per client address, never per login alone. After {@code limit} failures for a
 * login from one address, or {@value #ADDRESS_FACTOR} times that from one address over any logins, each
 * further attempt from there waits {@link #FIRST_DELAY}, doubling with each failure up to {@link #MAX_DELAY};
 * the owner logging in from another address is not slowed. A success forgets the (login, address) failures.
 * The client address is the request's ({@code trusted-proxies} decides when a forwarded one counts). Counted
 * per node, in memory (a guesser spread over n nodes gets n times the attempts).
 */
public final class LoginThrottle {

    public static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final int ADDRESS_FACTOR = 4;

    private final Backoff perLoginAndAddress;
    private final Backoff perAddress;

    /** {@code limit} 0 turns the throttle off. */
    public LoginThrottle(int limit, Clock clock) {
        this.perLoginAndAddress = new Backoff(limit, FIRST_DELAY, MAX_DELAY, clock);
        this.perAddress = new Backoff(limit * ADDRESS_FACTOR, FIRST_DELAY, MAX_DELAY, clock);
    }

    /** How long an attempt for this login from this address must still wait; zero when it may go ahead. */
    public Duration waitBefore(String login, String address) {
        Duration pair = perLoginAndAddress.waitFor(pairKey(login, address));
        Duration any = perAddress.waitFor(address);
        return pair.compareTo(any) >= 0 ? pair : any;
    }

    public void recordFailure(String login, String address) {
        perLoginAndAddress.record(pairKey(login, address));
        perAddress.record(address);
    }

    /** A successful login forgets the failures of this login from this address (not the address's). */
    public void recordSuccess(String login, String address) {
        perLoginAndAddress.forget(pairKey(login, address));
    }

    /** A wait in whole seconds, one at least, as a {@code Retry-After} header gives it. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** "30 secondes", "2 minutes": a wait as the login and reset pages tell it. */
    public static String describe(Duration wait, boolean english) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (english ? (seconds == 1 ? " second" : " seconds") : (seconds == 1 ? " seconde" : " secondes"));
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    static String pairKey(String login, String address) {
        return (login == null ? "" : login.trim().toLowerCase(Locale.ROOT)) + "|" + address;
    }
}
