package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChangeTimeTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
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

    @Test
    void startsAtCreationInWholeSecondsAndMovesOnlyForwardOnChanges() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-20T08:00:00.750Z"));
        ChangeTime changeTime = new ChangeTime(clock);
        assertThat(changeTime.lastModified()).isEqualTo(Instant.parse("2026-03-20T08:00:00Z").toEpochMilli());

        clock.now = Instant.parse("2026-03-20T08:05:01.200Z");
        assertThat(changeTime.lastModified()).as("no change yet").isEqualTo(Instant.parse("2026-03-20T08:00:00Z").toEpochMilli());
        changeTime.changed();
        assertThat(changeTime.lastModified()).isEqualTo(Instant.parse("2026-03-20T08:05:01Z").toEpochMilli());

        clock.now = Instant.parse("2026-03-20T07:00:00Z"); // the system clock stepped back
        changeTime.changed();
        assertThat(changeTime.lastModified()).isEqualTo(Instant.parse("2026-03-20T08:05:01Z").toEpochMilli());
    }
}
