package fr.usinesouvertes.events.edition;

import java.time.Instant;
import java.util.Objects;

/**
 * When an audience may sign up: from {@code opens} (inclusive) until {@code closes} (inclusive) when
 * set. Used both for an edition's national windows and for regional overrides.
 *
 * @param audience who signs up
 * @param region   the region this window applies to, or {@code null} for the national window
 * @param opens    first instant sign-up is open, or {@code null} in a regional override that changes
 *                 only the closing
 * @param closes   last instant sign-up is open, or {@code null} when it stays open
 */
public record SignUpWindow(Audience audience, String region, Instant opens, Instant closes) {

    public SignUpWindow {
        Objects.requireNonNull(audience, "audience");
        if (region == null) {
            Objects.requireNonNull(opens, "a national window needs an opening instant");
        }
        if (opens != null && closes != null && closes.isBefore(opens)) {
            throw new IllegalArgumentException("Window for " + audience.id() + " closes before it opens");
        }
    }

    public static SignUpWindow national(Audience audience, Instant opens, Instant closes) {
        return new SignUpWindow(audience, null, opens, closes);
    }

    public static SignUpWindow regional(String region, Audience audience, Instant opens, Instant closes) {
        return new SignUpWindow(audience, Objects.requireNonNull(region, "region"), opens, closes);
    }

    /** This window with the override's instants where the override sets them. */
    SignUpWindow overriddenBy(SignUpWindow override) {
        return new SignUpWindow(audience, override.region,
                override.opens != null ? override.opens : opens,
                override.closes != null ? override.closes : closes);
    }
}
