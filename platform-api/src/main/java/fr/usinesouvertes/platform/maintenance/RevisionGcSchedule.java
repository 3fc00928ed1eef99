package fr.usinesouvertes.platform.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The nightly window of the revision garbage collection: from {@code at} (site's time zone) for {@link #WINDOW}. A
 * run is due when the latest window has begun, is not over, and no run started since it began.
 */
record RevisionGcSchedule(LocalTime at, ZoneId zone) {

    static final Duration WINDOW = Duration.ofHours(3);

    /** The start of the latest window begun at {@code now}. */
    Instant latestStart(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime start = local.toLocalDate().atTime(at).atZone(zone);
        return (start.isAfter(local) ? start.minusDays(1) : start).toInstant();
    }

    boolean due(Instant now, Instant lastRun) {
        Instant start = latestStart(now);
        return now.isBefore(start.plus(WINDOW)) && (lastRun == null || lastRun.isBefore(start));
    }

    /** The next window's start after {@code now}. */
    Instant next(Instant now) {
        return latestStart(now).atZone(zone).plusDays(1).toInstant();
    }
}
