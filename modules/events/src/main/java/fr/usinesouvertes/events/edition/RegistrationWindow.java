package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.edition.WindowDecision.Reason;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.LocalizedText;
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
            return WindowDecision.refused(Reason.NO_WINDOW, new LocalizedText(
                    "Les inscriptions " + audience.label().fr() + " ne sont pas ouvertes pour l'édition " + edition.year() + ".",
                    "Registration for " + audience.label().en() + " is not open for the " + edition.year() + " edition."));
        }
        SignUpWindow window = found.get();
        Instant now = clock.instant();
        String where = window.region() == null ? "" : " en " + window.region();
        String whereEn = window.region() == null ? "" : " in " + window.region();
        if (now.isBefore(window.opens())) {
            LocalDate opens = LocalDate.ofInstant(window.opens(), zone);
            return WindowDecision.refused(Reason.NOT_YET_OPEN, new LocalizedText(
                    "Les inscriptions " + audience.label().fr() + where + " ouvrent le " + FrenchDates.date(opens, Lang.FR) + ".",
                    "Registration for " + audience.label().en() + whereEn + " opens on " + FrenchDates.date(opens, Lang.EN) + "."));
        }
        if (window.closes() != null && now.isAfter(window.closes())) {
            LocalDate closed = LocalDate.ofInstant(window.closes(), zone);
            return WindowDecision.refused(Reason.CLOSED, new LocalizedText(
                    "Les inscriptions " + audience.label().fr() + where + " sont closes depuis le "
                            + FrenchDates.date(closed, Lang.FR) + ".",
                    "Registration for " + audience.label().en() + whereEn + " closed on " + FrenchDates.date(closed, Lang.EN) + "."));
        }
        return WindowDecision.allowed();
    }

    /** May a visitor audience register now for a visit on this day of the edition, in this region? */
    public WindowDecision visit(Edition edition, String region, Audience audience, LocalDate day) {
        Optional<EventDay> eventDay = edition.day(day);
        if (eventDay.isEmpty()) {
            return WindowDecision.refused(Reason.DAY_NOT_IN_EDITION, new LocalizedText(
                    "Le " + FrenchDates.date(day, Lang.FR) + " ne fait pas partie de l'édition " + edition.year() + ".",
                    FrenchDates.date(day, Lang.EN) + " is not a day of the " + edition.year() + " edition."));
        }
        if (!eventDay.get().welcomes(audience)) {
            return WindowDecision.refused(Reason.AUDIENCE_NOT_WELCOME_THAT_DAY, new LocalizedText(
                    "Le " + FrenchDates.dayWithWeekday(day, Lang.FR) + " n'est pas ouvert aux visites "
                            + audience.label().fr() + ".",
                    FrenchDates.dayWithWeekday(day, Lang.EN) + " is not open to visits by " + audience.label().en() + "."));
        }
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        if (!clock.instant().isBefore(endOfDay)) {
            return WindowDecision.refused(Reason.DAY_PASSED, new LocalizedText(
                    "Les visites du " + FrenchDates.dayWithWeekday(day, Lang.FR) + " ont eu lieu.",
                    "The visits of " + FrenchDates.dayWithWeekday(day, Lang.EN) + " are over."));
        }
        return signUp(edition, region, audience);
    }
}
