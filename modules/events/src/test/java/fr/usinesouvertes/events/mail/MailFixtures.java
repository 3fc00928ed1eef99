package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.visit.Visit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A visit and registration e-mails to compose, shared by the mail tests. */
final class MailFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC);
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Visit VISIT = new Visit("5d0f4a4e-7d0b-4c1e-a1b3-2f6c3b0a9e11", "Colas", "Poste d'enrobage <Rennes> & co",
            "ZI de la Janais, 35170 Bruz", ZonedDateTime.of(2026, 3, 20, 9, 30, 0, 0, PARIS),
            ZonedDateTime.of(2026, 3, 20, 11, 0, 0, 0, PARIS), "Chaussures fermées obligatoires. Parking visiteurs à l'entrée.");
    static final String LINK = "https://journees-usines-ouvertes.fr/inscription?t=abc.123.def&lang=fr";

    private MailFixtures() {
    }

    static RegistrationMailComposer composer() {
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        return new RegistrationMailComposer(new VisitCalendar(CLOCK, paris, "journees-usines-ouvertes.fr",
                "contact@journees-usines-ouvertes.fr"), paris);
    }

    static RegistrationMail mail(MailKind kind, Lang lang) {
        return new RegistrationMail(kind, VISIT, "c1d2e3f4-0000-4000-8000-000000000001", "Nadia <b>Benali</b>",
                "nadia.benali@example.fr", 27, kind == MailKind.WAITING_LIST ? 2 : null, LINK, lang);
    }
}
