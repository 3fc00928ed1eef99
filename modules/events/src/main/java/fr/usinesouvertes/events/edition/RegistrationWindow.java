package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.edition.WindowDecision.Reason;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.i18n.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Decides, with the platform's clock, whether an audience may sign up now in a region, and for a
 * visitor audience whether that day welcomes it; a refusal says when sign-up opens or closed.
 *
 * <p>A visitor's registration for a day also closes once that day is over in the site's time zone, even when
 * the window has no closing instant: nobody books a visit in the past. Refusals give the window's dates there.
 */
public final class RegistrationWindow {

    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the site's time zone (the {@code time-zone} setting) */
    public RegistrationWindow(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** May a company (or any audience, regardless of day) sign up now in this region? */
    public WindowDecision signUp(Edition edition, String region, Audience audience) {
        Optional<SignUpWindow> found = edition.window(audience, region);
        if (found.isEmpty()) {
            return WindowDecision.refused(Reason.NO_WINDOW,
                    message("window.noWindow", audience.label(), edition.year()));
        }
        SignUpWindow window = found.get();
        Instant now = clock.instant();
        boolean regional = window.region() != null;
        String windowRegion = regional ? window.region() : "";
        if (now.isBefore(window.opens())) {
            String key = regional ? "window.notYetOpen.region" : "window.notYetOpen";
            Text opens = date(LocalDate.ofInstant(window.opens(), zone));
            return WindowDecision.refused(Reason.NOT_YET_OPEN, message(key, audience.label(), opens, windowRegion));
        }
        if (window.closes() != null && now.isAfter(window.closes())) {
            String key = regional ? "window.closed.region" : "window.closed";
            Text closed = date(LocalDate.ofInstant(window.closes(), zone));
            return WindowDecision.refused(Reason.CLOSED, message(key, audience.label(), closed, windowRegion));
        }
        return WindowDecision.allowed();
    }

    /** May a visitor audience register now for a visit on this day of the edition, in this region? */
    public WindowDecision visit(Edition edition, String region, Audience audience, LocalDate day) {
        Optional<EventDay> eventDay = edition.day(day);
        if (eventDay.isEmpty()) {
            return WindowDecision.refused(Reason.DAY_NOT_IN_EDITION,
                    message("window.dayNotInEdition", date(day), edition.year()));
        }
        Text dayWithWeekday = lang -> FrenchDates.dayWithWeekday(day, lang);
        if (!eventDay.get().welcomes(audience)) {
            return WindowDecision.refused(Reason.AUDIENCE_NOT_WELCOME_THAT_DAY,
                    message("window.audienceNotWelcome", dayWithWeekday, audience.label()));
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (!clock.instant().isBefore(endOfDay)) {
            return WindowDecision.refused(Reason.DAY_PASSED, message("window.dayPassed", dayWithWeekday));
        }
        return signUp(edition, region, audience);
    }

    private static Text date(LocalDate date) {
        return lang -> FrenchDates.date(date, lang);
    }

    private static Message message(String key, Object... args) {
        return Message.of(Messages.EVENTS, key, args);
    }
}
