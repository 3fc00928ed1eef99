package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The login throttle's window, its two keys (login, address) and its off switch. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void blocksALoginAfterTheLimitUntilTheOldestFailureLeavesTheWindow() {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.isBlocked("cible@example.fr", "10.0.0." + i)).isFalse();
            throttle.recordFailure("Cible@Example.fr", "10.0.0." + i);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(throttle.isBlocked("cible@example.fr", "10.9.9.9")).isTrue();
        assertThat(throttle.isBlocked("autre@example.fr", "10.9.9.9")).isFalse();
        clock.advance(Duration.ofMinutes(13)); // the first failure is now 15 min old
        assertThat(throttle.isBlocked("cible@example.fr", "10.9.9.9")).isFalse();
    }

    @Test
    void blocksAnAddressTryingManyLogins() {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("victime" + i + "@example.fr", "192.0.2.7");
        }

        assertThat(throttle.isBlocked("nouvelle@example.fr", "192.0.2.7")).isTrue();
        assertThat(throttle.isBlocked("nouvelle@example.fr", "192.0.2.8")).isFalse();
    }

    @Test
    void aSuccessForgetsTheLoginsFailuresAndZeroTurnsTheThrottleOff() {
        LoginThrottle throttle = new LoginThrottle(2, clock);
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        throttle.recordSuccess("a@example.fr");
        throttle.recordFailure("a@example.fr", "192.0.2.2");
        assertThat(throttle.isBlocked("a@example.fr", "192.0.2.3")).isFalse();

        LoginThrottle off = new LoginThrottle(0, clock);
        for (int i = 0; i < 100; i++) {
            off.recordFailure("a@example.fr", "192.0.2.1");
        }
        assertThat(off.isBlocked("a@example.fr", "192.0.2.1")).isFalse();
    }
}
