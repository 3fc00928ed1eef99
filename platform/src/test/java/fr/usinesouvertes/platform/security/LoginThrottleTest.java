package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The login throttle: (login, address) and address keys, growing delays, never a lock-out of the owner. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    @Test
    void anAttackersFailuresDoNotSlowTheOwnerFromAnotherAddress() {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("cible@example.fr", "192.0.2.66");
        }

        assertThat(throttle.waitBefore("Cible@Example.fr", "192.0.2.66")).isPositive();
        assertThat(throttle.waitBefore("cible@example.fr", "198.51.100.7")).isZero();
    }

    @Test
    void delaysStartAfterTheLimitAndDoubleWithEachFailureUpToFifteenMinutes() {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        String address = "192.0.2.7";
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitBefore("cible@example.fr", address)).isZero();
            throttle.recordFailure("cible@example.fr", address);
        }
        assertThat(throttle.waitBefore("cible@example.fr", address)).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("cible@example.fr", address)).isZero();
        throttle.recordFailure("cible@example.fr", address);
        assertThat(throttle.waitBefore("cible@example.fr", address)).isEqualTo(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("cible@example.fr", address);
        }
        assertThat(throttle.waitBefore("cible@example.fr", address)).isEqualTo(LoginThrottle.MAX_DELAY);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitBefore("cible@example.fr", address)).isZero();
        // other logins from that address are not slowed until it fails for 4 times the limit
        assertThat(throttle.waitBefore("autre@example.fr", address)).isZero();
    }

    @Test
    void anAddressTryingManyLoginsIsSlowedForEveryLogin() {
        LoginThrottle throttle = new LoginThrottle(3, clock);
        for (int i = 0; i < 3 * LoginThrottle.ADDRESS_FACTOR; i++) {
            throttle.recordFailure("victime" + i + "@example.fr", "192.0.2.7");
        }

        assertThat(throttle.waitBefore("nouvelle@example.fr", "192.0.2.7")).isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitBefore("nouvelle@example.fr", "192.0.2.8")).isZero();
    }

    @Test
    void aSuccessForgetsTheFailuresFromThatAddressAndZeroTurnsTheThrottleOff() {
        LoginThrottle throttle = new LoginThrottle(2, clock);
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        throttle.recordSuccess("a@example.fr", "192.0.2.1");
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        assertThat(throttle.waitBefore("a@example.fr", "192.0.2.1")).isZero();

        LoginThrottle off = new LoginThrottle(0, clock);
        for (int i = 0; i < 100; i++) {
            off.recordFailure("a@example.fr", "192.0.2.1");
        }
        assertThat(off.waitBefore("a@example.fr", "192.0.2.1")).isZero();
    }

    @Test
    void failuresAreForgottenAnHourAfterTheLast() {
        LoginThrottle throttle = new LoginThrottle(1, clock);
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        clock.advance(Duration.ofMinutes(59));
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        assertThat(throttle.waitBefore("a@example.fr", "192.0.2.1")).isEqualTo(Duration.ofMinutes(2));
        clock.advance(Duration.ofHours(1));
        throttle.recordFailure("a@example.fr", "192.0.2.1");
        assertThat(throttle.waitBefore("a@example.fr", "192.0.2.1")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void resetRequestsMailAnAccountALimitedNumberOfTimesAndSlowTheAddress() {
        ResetThrottle resets = new ResetThrottle(2, clock);
        assertThat(resets.request("cible@example.fr", "192.0.2.1")).isTrue();
        assertThat(resets.request("Cible@example.fr", "192.0.2.2")).isTrue();
        assertThat(resets.request("cible@example.fr", "192.0.2.3")).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(resets.request("cible@example.fr", "192.0.2.3")).isTrue();
        for (int i = 0; i < 2 * ResetThrottle.ADDRESS_FACTOR; i++) {
            resets.request("compte" + i + "@example.fr", "192.0.2.9");
        }
        assertThat(resets.addressWait("192.0.2.9")).isPositive();
        assertThat(resets.addressWait("192.0.2.1")).isZero();
    }

    @Test
    void waitsAreToldInSecondsOrMinutes() {
        assertThat(LoginThrottle.describe(Duration.ofMillis(29_100), false)).isEqualTo("30 secondes");
        assertThat(LoginThrottle.describe(Duration.ofSeconds(1), true)).isEqualTo("1 second");
        assertThat(LoginThrottle.describe(Duration.ofSeconds(61), true)).isEqualTo("2 minutes");
        assertThat(LoginThrottle.describe(Duration.ofMinutes(15), false)).isEqualTo("15 minutes");
    }
}
