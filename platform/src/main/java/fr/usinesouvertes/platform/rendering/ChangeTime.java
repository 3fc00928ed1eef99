package fr.usinesouvertes.platform.rendering;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the content or the definitions last changed (whole seconds, as HTTP dates have), for the
 * {@code Last-Modified} of rendered pages, sitemaps and feeds. Starts at the platform's start, since
 * nothing says what changed before.
 */
public final class ChangeTime {

    private final Clock clock;
    private final AtomicLong lastChange;

    /** On the system clock: HTTP dates are real time, even when the platform's business clock is fixed. */
    public ChangeTime() {
        this(Clock.systemUTC());
    }

    public ChangeTime(Clock clock) {
        this.clock = clock;
        this.lastChange = new AtomicLong(seconds(clock.millis()));
    }

    /** Records a change now; never moves backwards. */
    public void changed() {
        long now = seconds(clock.millis());
        lastChange.accumulateAndGet(now, Math::max);
    }

    /** Epoch milliseconds of the last change, a whole second. */
    public long lastModified() {
        return lastChange.get();
    }

    private static long seconds(long millis) {
        return millis / 1000 * 1000;
    }
}
