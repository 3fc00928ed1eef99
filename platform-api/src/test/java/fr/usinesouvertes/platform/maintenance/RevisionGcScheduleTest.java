package fr.usinesouvertes.platform.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RevisionGcScheduleTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final RevisionGcSchedule schedule = new RevisionGcSchedule(LocalTime.of(3, 0), PARIS);

    @Test
    void dueOncePerNightWithinTheWindowOfTheSitesTimeZone() {
        Instant tenPastThree = Instant.parse("2026-03-10T02:10:00Z"); // 03:10 in Paris
        assertThat(schedule.due(tenPastThree, null)).isTrue();
        assertThat(schedule.due(tenPastThree, Instant.parse("2026-03-10T02:01:00Z"))).isFalse();
        assertThat(schedule.due(tenPastThree, Instant.parse("2026-03-09T02:01:00Z"))).isTrue();
        assertThat(schedule.due(Instant.parse("2026-03-10T01:59:00Z"), null)).isFalse(); // 02:59, last night's window over
        assertThat(schedule.due(Instant.parse("2026-03-10T04:59:00Z"), null)).isTrue(); // 05:59: still in the window
        assertThat(schedule.due(Instant.parse("2026-03-10T05:00:00Z"), null)).isFalse(); // 06:00: missed tonight
        assertThat(schedule.next(tenPastThree)).isEqualTo(Instant.parse("2026-03-11T02:00:00Z"));
    }

    @Test
    void followsSummerTime() {
        assertThat(schedule.latestStart(Instant.parse("2026-07-01T12:00:00Z"))).isEqualTo(Instant.parse("2026-07-01T01:00:00Z"));
    }

    @Test
    void noneTurnsItOff() {
        assertThat(MaintenanceSettings.timeOrNone("none")).isEmpty();
        assertThat(MaintenanceSettings.timeOrNone("02:30")).contains(LocalTime.of(2, 30));
    }
}
