package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.platform.PlatformLauncher;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.config.EventsSettings;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.SettingsLoader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves forward by hand. */
    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2026-02-10T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();

    @Test
    void aClientGetsItsAllowancePerMinuteThenWaits() {
        RateLimiter limiter = new RateLimiter(10, 1000, clock);

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("203.0.113.7")).as("submission %d", i + 1).isTrue();
        }
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
        assertThat(limiter.secondsUntilNext("203.0.113.7")).isEqualTo(6);
        assertThat(limiter.tryAcquire("198.51.100.2")).as("another client is not affected").isTrue();

        clock.advance(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();

        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        }
        assertThat(limiter.tryAcquire("203.0.113.7")).as("the bucket never holds more than a minute's allowance").isFalse();
    }

    @Test
    void theSettingGivesTheAllowance() {
        List<SettingDefinition<?>> declared = new ArrayList<>(PlatformLauncher.platformSettings());
        declared.addAll(EventsSettings.all());
        RateLimiter byDefault = RateLimiter.from(EventsConfig.from(new SettingsLoader(declared).parse(Map.of())), clock);
        RateLimiter off = RateLimiter.from(EventsConfig.from(
                new SettingsLoader(declared).parse(Map.of("registration-rate-limit", "0"))), clock);

        for (int i = 0; i < 10; i++) {
            assertThat(byDefault.tryAcquire("203.0.113.7")).isTrue();
        }
        assertThat(byDefault.tryAcquire("203.0.113.7")).isFalse();
        for (int i = 0; i < 100; i++) {
            assertThat(off.tryAcquire("203.0.113.7")).isTrue();
        }
    }

    @Test
    void zeroSwitchesTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, 1, clock);

        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
        }
        assertThat(limiter.trackedClients()).isZero();
    }

    @Test
    void idleAndExcessClientsAreForgotten() {
        RateLimiter limiter = new RateLimiter(5, 100, clock);
        for (int i = 0; i < 5_000; i++) {
            limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedClients()).isLessThanOrEqualTo(101);

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 1_024; i++) {
            limiter.tryAcquire("192.0.2.1");
        }
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void concurrentSubmissionsOfOneClientNeverExceedTheAllowance() throws Exception {
        RateLimiter limiter = new RateLimiter(50, 1000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tasks.add(() -> limiter.tryAcquire("203.0.113.7"));
            }
            long granted = 0;
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                granted += result.get() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(50);
        } finally {
            pool.shutdownNow();
        }
    }
}
