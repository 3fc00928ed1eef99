package fr.usinesouvertes.events.mail;
import fr.usinesouvertes.platform.mail.OutgoingMail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.i18n.Lang;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RegistrationMailComposerTest {

    private final RegistrationMailComposer composer = MailFixtures.composer();

    @Test
    void theFrenchConfirmationGivesTheVisitInParisTimeWithTheLinkAndTheCalendar() {
        OutgoingMail mail = composer.compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR));

        assertThat(mail.to()).isEqualTo("nadia.benali@example.fr");
        assertThat(mail.subject()).isEqualTo("Inscription confirmée : visite de Colas – vendredi 20 mars 2026");
        assertThat(mail.text()).contains("Bonjour Nadia <b>Benali</b>,", "Votre inscription à cette visite est confirmée",
                "Colas – Poste d'enrobage <Rennes> & co", "Le vendredi 20 mars 2026, de 9 h 30 à 11 h 00",
                "Adresse : ZI de la Janais, 35170 Bruz", "Nombre de personnes : 27", "Chaussures fermées obligatoires.",
                MailFixtures.LINK);
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.fileName()).isEqualTo("visite.ics");
            assertThat(attachment.contentType()).startsWith("text/calendar");
            assertThat(new String(attachment.content(), StandardCharsets.UTF_8).replace("\r\n ", ""))
                    .contains("UID:registration-c1d2e3f4-0000-4000-8000-000000000001@journees-usines-ouvertes.fr");
        });
    }

    @Test
    void practicalInformationKeepsOneLinePerItemAndASchoolsTransportRequestIsSaidBack() {
        fr.usinesouvertes.events.visit.Visit visit = new fr.usinesouvertes.events.visit.Visit(MailFixtures.VISIT.slotId(),
                "Colas", "Centrale", "ZI de la Janais, 35170 Bruz", MailFixtures.VISIT.start(), MailFixtures.VISIT.end(),
                "Point de rendez-vous : accueil\nÉquipements de sécurité : chaussures fermées");
        OutgoingMail school = composer.compose(new RegistrationMail(MailKind.CONFIRMATION, visit,
                "c1d2e3f4-0000-4000-8000-000000000003", "Mme Durand", "prof@example.fr", 27, null, MailFixtures.LINK,
                Lang.FR, "", java.util.List.of(), "", true));

        assertThat(school.html()).contains("Point de rendez-vous : accueil<br>\nÉquipements de sécurité : chaussures fermées");
        assertThat(school.text()).contains("Point de rendez-vous : accueil\nÉquipements de sécurité")
                .contains("aide au financement du transport : votre demande est transmise aux organisateurs");
        assertThat(composer.compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR)).text())
                .doesNotContain("financement du transport");
    }

    @Test
    void theHtmlAlternativeEscapesEveryValue() {
        String html = composer.compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR)).html();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\">");
        assertThat(html).contains("Bonjour Nadia &lt;b&gt;Benali&lt;/b&gt;,", "Poste d&#39;enrobage &lt;Rennes&gt; &amp; co",
                "<a href=\"https://journees-usines-ouvertes.fr/inscription?t=abc.123.def&amp;lang=fr\">");
        assertThat(html).doesNotContain("<b>", "<Rennes>");
    }

    @Test
    void theEnglishConfirmationIsInEnglish() {
        OutgoingMail mail = composer.compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.EN));

        assertThat(mail.subject()).isEqualTo("Registration confirmed: visit to Colas – Friday 20 March 2026");
        assertThat(mail.text()).contains("Hello Nadia", "On Friday 20 March 2026, from 09:30 to 11:00", "Number of persons: 27",
                "View, change or cancel your registration");
        assertThat(mail.html()).contains("<html lang=\"en\">");
    }

    @Test
    void theChangedMailGivesTheNewDetailsAndTheSameCalendarEventWithAHigherSequence() {
        RegistrationMail changed = new RegistrationMail(MailKind.CHANGED, MailFixtures.VISIT,
                "c1d2e3f4-0000-4000-8000-000000000001", "Nadia", "nadia.benali@example.fr", 4, null, MailFixtures.LINK,
                Lang.FR, "", java.util.List.of(), "", false, 2, null);
        OutgoingMail french = composer.compose(changed);
        OutgoingMail english = composer.compose(new RegistrationMail(MailKind.CHANGED, MailFixtures.VISIT,
                "c1d2e3f4-0000-4000-8000-000000000001", "Nadia", "nadia.benali@example.fr", 4, null, MailFixtures.LINK,
                Lang.EN, "", java.util.List.of(), "", false, 1, null));
        OutgoingMail waiting = composer.compose(new RegistrationMail(MailKind.CHANGED, MailFixtures.VISIT,
                "c1d2e3f4-0000-4000-8000-000000000001", "Nadia", "nadia.benali@example.fr", 4, 3, MailFixtures.LINK,
                Lang.FR, "", java.util.List.of(), "", false, 1, null));

        assertThat(french.subject()).isEqualTo("Votre inscription est modifiée : visite de Colas – vendredi 20 mars 2026");
        assertThat(french.text()).contains("Votre inscription est modifiée", "Nombre de personnes : 4",
                "Le vendredi 20 mars 2026, de 9 h 30 à 11 h 00", "met à jour la visite dans votre agenda", MailFixtures.LINK);
        assertThat(french.attachments()).singleElement().satisfies(attachment -> assertThat(
                new String(attachment.content(), StandardCharsets.UTF_8).replace("\r\n ", ""))
                .contains("UID:registration-c1d2e3f4-0000-4000-8000-000000000001@journees-usines-ouvertes.fr",
                        "SEQUENCE:2", "DTSTART;TZID=Europe/Paris:20260320T093000"));
        assertThat(english.subject()).startsWith("Your registration has changed: visit to Colas");
        assertThat(english.text()).contains("Your registration has changed", "Number of persons: 4");
        assertThat(waiting.text()).contains("vous êtes en position 3 sur la liste d'attente");
        assertThat(waiting.attachments()).isEmpty();
    }

    @Test
    void theWaitingListMailGivesThePositionAndNoCalendarYet() {
        OutgoingMail mail = composer.compose(MailFixtures.mail(MailKind.WAITING_LIST, Lang.FR));

        assertThat(mail.subject()).startsWith("Liste d'attente : visite de Colas");
        assertThat(mail.text()).contains("vous êtes en position 2 sur la liste d'attente", MailFixtures.LINK);
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void promotionAndCancellationSayWhatHappened() {
        OutgoingMail promotion = composer.compose(MailFixtures.mail(MailKind.PROMOTION, Lang.EN));
        OutgoingMail cancellation = composer.compose(MailFixtures.mail(MailKind.CANCELLATION, Lang.FR));

        assertThat(promotion.text()).contains("places came free and your registration is now confirmed");
        assertThat(promotion.attachments()).hasSize(1);
        assertThat(cancellation.text()).contains("a bien été annulée").doesNotContain(MailFixtures.LINK);
        assertThat(cancellation.attachments()).singleElement()
                .satisfies(attachment -> assertThat(attachment.fileName()).isEqualTo("visite-annulee.ics"));
    }

    @Test
    void theVisitCancelledMailGivesTheReasonWhatToDoAndOtherDatesInTheRegistrantsLanguage() {
        OtherDate other = new OtherDate("Lactalis", "Laiterie de Rennes", "Rennes", 12.4,
                java.time.ZonedDateTime.of(2026, 3, 21, 10, 0, 0, 0, MailFixtures.PARIS),
                java.time.ZonedDateTime.of(2026, 3, 21, 12, 0, 0, 0, MailFixtures.PARIS), true,
                "https://journees-usines-ouvertes.fr/inscription/abc/grand-public");
        RegistrationMail french = new RegistrationMail(MailKind.VISIT_CANCELLED, MailFixtures.VISIT,
                "c1d2e3f4-0000-4000-8000-000000000001", "Nadia", "nadia.benali@example.fr", 27, null, MailFixtures.LINK,
                Lang.FR, "Panne <générale> de la ligne", java.util.List.of(other), "https://journees-usines-ouvertes.fr/usines", false);

        OutgoingMail mail = composer.compose(french);
        assertThat(mail.subject()).isEqualTo("Visite annulée : Colas – Poste d'enrobage <Rennes> & co – vendredi 20 mars 2026");
        assertThat(mail.text()).contains("la visite à laquelle vous étiez inscrit(e) est annulée", "Motif de l'annulation :",
                "Panne <générale> de la ligne", "Vous n'avez rien à faire", "vos places libérées",
                "Lactalis – Laiterie de Rennes, Rennes (12 km) : samedi 21 mars 2026, 10 h 00 – 12 h 00 (complet, liste d'attente)",
                "https://journees-usines-ouvertes.fr/inscription/abc/grand-public", MailFixtures.LINK,
                "https://journees-usines-ouvertes.fr/usines").doesNotContain("Informations pratiques");
        assertThat(mail.html()).contains("Panne &lt;générale&gt; de la ligne");
        assertThat(mail.attachments()).singleElement().satisfies(ics -> assertThat(new String(ics.content(),
                java.nio.charset.StandardCharsets.UTF_8)).contains("STATUS:CANCELLED",
                "UID:registration-c1d2e3f4-0000-4000-8000-000000000001"));

        OutgoingMail waiting = composer.compose(new RegistrationMail(MailKind.VISIT_CANCELLED, MailFixtures.VISIT,
                "c1d2e3f4-0000-4000-8000-000000000002", "Ann", "ann@example.org", 4, 1, MailFixtures.LINK, Lang.EN,
                "Production line down", java.util.List.of(), "", false));
        assertThat(waiting.subject()).isEqualTo("Visit cancelled: Colas – Poste d'enrobage <Rennes> & co – Friday 20 March 2026");
        assertThat(waiting.text()).contains("We are sorry", "Reason for the cancellation:", "Production line down",
                "you were on the waiting list").doesNotContain("Other visits");
        assertThat(waiting.attachments()).as("a waiting registration never had the visit in its calendar").isEmpty();
    }

    @Test
    void aChangedVisitSaysWhatChangedBeforeAndAfterWithTheCalendarAtAHigherSequence() {
        fr.usinesouvertes.events.visit.Visit moved = new fr.usinesouvertes.events.visit.Visit(MailFixtures.VISIT.slotId(),
                "Colas", "Centrale", "ZI de la Janais, 35170 Bruz", MailFixtures.VISIT.start().plusHours(4),
                MailFixtures.VISIT.end().plusHours(4), "Point de rendez-vous : bâtiment B", 2);
        VisitChange change = VisitChange.fromDetails(new VisitChange(MailFixtures.VISIT.start(), MailFixtures.VISIT.end(),
                java.util.List.of(new VisitChange.FieldChange("meetingPoint", "Poste de garde", "bâtiment B"))).toDetails());
        OutgoingMail confirmed = composer.compose(new RegistrationMail(MailKind.VISIT_CHANGED, moved,
                "c1d2e3f4-0000-4000-8000-000000000004", "Mme Durand", "prof@example.fr", 27, null, MailFixtures.LINK,
                Lang.FR, "", java.util.List.of(), "", false, 0, change));
        assertThat(confirmed.subject()).isEqualTo("Visite modifiée : Colas – Centrale – vendredi 20 mars 2026");
        assertThat(confirmed.text()).contains("Ce qui change :",
                "Horaire : vendredi 20 mars 2026, 13 h 30 – 15 h 00 (au lieu de vendredi 20 mars 2026, 9 h 30 – 11 h 00)",
                "Point de rendez-vous : bâtiment B (auparavant : Poste de garde)", "Votre inscription reste valable");
        String calendar = new String(confirmed.attachments().get(0).content(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(calendar).contains("UID:registration-c1d2e3f4-0000-4000-8000-000000000004@", "SEQUENCE:2",
                "DTSTART;TZID=Europe/Paris:20260320T133000");

        OutgoingMail waiting = composer.compose(new RegistrationMail(MailKind.VISIT_CHANGED, moved,
                "c1d2e3f4-0000-4000-8000-000000000005", "Ms Smith", "smith@example.org", 4, 3, MailFixtures.LINK,
                Lang.EN, "", java.util.List.of(), "", false, 0, change));
        assertThat(waiting.subject()).isEqualTo("Visit changed: Colas – Centrale – Friday 20 March 2026");
        assertThat(waiting.text()).contains("What changes:", "Time: Friday 20 March 2026, 13:30 – 15:00 (instead of",
                "Meeting point: bâtiment B (before: Poste de garde)", "still number 3 on the waiting list");
        assertThat(waiting.attachments()).isEmpty();
    }
}
