package fr.usinesouvertes.platform.security;

import java.time.Clock;
import java.time.Duration;

/**
 * Limits password-reset requests on their own (they never count as failed logins): after {@code limit}
 * requests for one account, further ones send no e-mail until the growing delay has passed, so that nobody
 * floods a mailbox (the page answers the same either way, so it tells nothing about the account); after
 * {@value #ADDRESS_FACTOR} times that from one client address, over any accounts, that address is answered
 * 429 with the delay. Delays start at {@link LoginThrottle#FIRST_DELAY} and double up to
 * {@link LoginThrottle#MAX_DELAY}. Per node, in memory.
 */
public final class ResetThrottle {

    static final int ADDRESS_FACTOR = 5;

    private final Backoff perAccount;
    private final Backoff perAddress;

    /** {@code limit} 0 turns it off. */
    public ResetThrottle(int limit, Clock clock) {
        this.perAccount = new Backoff(limit, LoginThrottle.FIRST_DELAY, LoginThrottle.MAX_DELAY, clock);
        this.perAddress = new Backoff(limit * ADDRESS_FACTOR, LoginThrottle.FIRST_DELAY, LoginThrottle.MAX_DELAY, clock);
    }

    /** How long this address must wait before its next request; zero when it may ask now. */
    public Duration addressWait(String address) {
        return perAddress.waitFor(address);
    }

    /**
     * Counts a request for {@code login} from {@code address}; returns whether a link may be mailed now
     * (false while the account's delay runs).
     */
    public boolean request(String login, String address) {
        perAddress.record(address);
        String account = LoginThrottle.pairKey(login, "");
        if (!perAccount.waitFor(account).isZero()) {
            return false;
        }
        perAccount.record(account);
        return true;
    }
}
