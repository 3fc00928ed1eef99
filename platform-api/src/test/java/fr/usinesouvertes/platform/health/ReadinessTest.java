package fr.usinesouvertes.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Readiness checks: run together, each within the time limit, failures named without their message. */
class ReadinessTest {

    @Test
    void allUpIsUpAndOneDownIsDownInRegistrationOrder() {
        try (Readiness readiness = new Readiness(Duration.ofSeconds(5))) {
            readiness.register("first", () -> Readiness.Status.up("fine"));
            readiness.register("second", () -> Readiness.Status.down("broken"));

            Readiness.Report report = readiness.check();

            assertThat(report.up()).isFalse();
            assertThat(report.checks()).containsExactly(new Readiness.CheckReport("first", true, "fine"),
                    new Readiness.CheckReport("second", false, "broken"));
        }
    }

    @Test
    void aCheckThatThrowsIsDownNamedByItsExceptionClassOnly() {
        try (Readiness readiness = new Readiness(Duration.ofSeconds(5))) {
            readiness.register("throws", () -> {
                throw new IllegalStateException("jeanne@example.fr is not allowed");
            });

            Readiness.CheckReport check = readiness.check().checks().get(0);

            assertThat(check.up()).isFalse();
            assertThat(check.detail()).isEqualTo("the check failed: IllegalStateException");
        }
    }

    @Test
    void aStuckCheckIsDownAfterTheTimeLimitAndIsNotStartedAgainWhileItRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (Readiness readiness = new Readiness(Duration.ofMillis(200))) {
            readiness.register("stuck", () -> {
                started.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Readiness.Status.up("done at last");
            });
            readiness.register("quick", () -> Readiness.Status.up("fine"));

            Readiness.Report first = readiness.check();
            Readiness.Report second = readiness.check();

            assertThat(first.up()).isFalse();
            assertThat(first.checks().get(0).detail()).isEqualTo("no answer within 200 ms");
            assertThat(first.checks().get(1).up()).isTrue();
            assertThat(second.checks().get(0).up()).isFalse();
            assertThat(started).hasValue(1);

            release.countDown();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> readiness.check().up());
        }
    }

    @Test
    void namesAreCheckedAndUsedOnce() {
        try (Readiness readiness = new Readiness(Duration.ofSeconds(1))) {
            readiness.register("events.mail-queue", () -> Readiness.Status.up(""));

            assertThatThrownBy(() -> readiness.register("events.mail-queue", () -> Readiness.Status.up("")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
            assertThatThrownBy(() -> readiness.register("Mail Queue", () -> Readiness.Status.up("")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase");
        }
    }
}
