package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminders before a visit, over a real SMTP server (GreenMail) with the platform's clock moved by hand: the 7-day and
 * the 1-day reminders appear at their moment, once each, with the ticket's QR code and the link to cancel; a booking
 * made 3 days before gets the 1-day one only, one made within the last day none; a waiting registration none; a
 * cancellation from the reminder promotes the waiting list.
 */
class ReminderTest {

    static final GreenMail SMTP = LocalSmtp.start();
    /** 10 February 2026: general-public sign-up is open; the fixture's visits are on Friday 20 March. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));
    private static final Pattern TICKET = Pattern.compile("https://journees-usines-ouvertes\\.fr/billet/[A-Za-z0-9_.-]+");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("registration-rate-limit", "0")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees-usines-ouvertes.fr")
            // the reminders' job looks every second (cluster jobs run at a third of the lease)
            .setting("reminder-interval", "1")
            .setting("cluster-job-lease", "3")
            .modules(new EventsModule());

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void remindersComeAtTheirMomentOnceEachToConfirmedRegistrationsBookedBeforeIt() throws Exception {
        // slot 1: Friday 20 March 14:00–16:00 (13:00 UTC), 6 places; slot 2: 16:30–18:30 (15:30 UTC), 20 places
        List<String> slots = EventSheetFixtures.sheet(PLATFORM.platform().repository(), 6, List.of("public"), 6, 20);
        book(slots.get(0), "early.family@example.fr", 4, "fr");
        book(slots.get(0), "waiting.family@example.fr", 4, "en"); // only 2 places left: waiting list
        book(slots.get(1), "english.family@example.fr", 3, "en");
        assertThat(TicketTest.awaitMessageTo(SMTP, "waiting.family@example.fr", 1).get(0).getSubject()).startsWith("Waiting list");
        TicketTest.awaitMessageTo(SMTP, "english.family@example.fr", 1);
        TicketTest.awaitMessageTo(SMTP, "early.family@example.fr", 1);

        // just before the 7-day moment of slot 1 (13 March 13:00 UTC): nothing yet
        CLOCK.set(Instant.parse("2026-03-13T12:59:00Z"));
        pause();
        assertThat(reminders("early.family@example.fr")).isEmpty();

        // past it: the early family's 7-day reminder, in French, with the ticket and the cancel link
        CLOCK.set(Instant.parse("2026-03-13T13:00:30Z"));
        MimeMessage sevenDays = awaitReminders("early.family@example.fr", 1).get(0);
        assertThat(sevenDays.getSubject()).isEqualTo("Rappel : votre visite de " + company(slots) + " dans 7 jours – vendredi 20 mars 2026");
        String text = Outbox.text(sevenDays);
        assertThat(text).contains("Votre visite approche (dans 7 jours)", "Le vendredi 20 mars 2026, de 14 h 00 à 16 h 00",
                "Nombre de personnes : 4", "Point de rendez-vous : Poste de garde", "Votre billet",
                "https://journees-usines-ouvertes.fr/inscription/gestion/", "merci de modifier ou d'annuler");
        Part qr = Outbox.inline(sevenDays, "ticket-qr");
        assertThat(qr).isNotNull();
        Matcher ticket = TICKET.matcher(text);
        assertThat(ticket.find()).isTrue();
        assertThat(TicketTest.decode(TicketTest.bytes(qr))).isEqualTo(ticket.group());
        Files.writeString(Path.of("target/reminder-7-days.txt"), "Subject: " + sevenDays.getSubject() + "\n\n" + text);
        // slot 2's 7-day moment (13 March 15:30 UTC) is not reached yet
        assertThat(reminders("english.family@example.fr")).isEmpty();

        CLOCK.set(Instant.parse("2026-03-13T15:31:00Z"));
        MimeMessage english = awaitReminders("english.family@example.fr", 1).get(0);
        assertThat(english.getSubject()).isEqualTo("Reminder: your visit to " + company(slots) + " in 7 days – Friday 20 March 2026");
        assertThat(Outbox.text(english)).contains("Your visit is coming up (in 7 days)", "Your ticket");

        // a family booking slot 2 three days before the visit: its confirmation, and later the 1-day reminder only
        CLOCK.set(Instant.parse("2026-03-17T10:00:00Z"));
        book(slots.get(1), "late.family@example.fr", 2, "fr");
        TicketTest.awaitMessageTo(SMTP, "late.family@example.fr", 1);
        pause();
        assertThat(reminders("late.family@example.fr")).isEmpty();
        // once each: looks after looks, still one reminder each
        assertThat(reminders("early.family@example.fr")).hasSize(1);
        assertThat(reminders("english.family@example.fr")).hasSize(1);

        // the 1-day moments (19 March 13:00 and 15:30 UTC)
        CLOCK.set(Instant.parse("2026-03-19T15:31:00Z"));
        List<MimeMessage> early = awaitReminders("early.family@example.fr", 2);
        assertThat(early.get(1).getSubject()).isEqualTo("Rappel : votre visite de " + company(slots) + " demain – vendredi 20 mars 2026");
        assertThat(Outbox.text(early.get(1))).contains("Votre visite, c'est demain !");
        Files.writeString(Path.of("target/reminder-1-day.txt"), "Subject: " + early.get(1).getSubject() + "\n\n"
                + Outbox.text(early.get(1)));
        Files.writeString(Path.of("target/reminder-1-day.html"), Outbox.html(early.get(1)));
        assertThat(awaitReminders("late.family@example.fr", 1).get(0).getSubject()).contains("demain");
        assertThat(awaitReminders("english.family@example.fr", 2).get(1).getSubject()).contains("tomorrow");
        // booked within the last day: no reminder
        book(slots.get(1), "lastminute.family@example.fr", 2, "fr");
        TicketTest.awaitMessageTo(SMTP, "lastminute.family@example.fr", 1);
        pause();
        assertThat(reminders("lastminute.family@example.fr")).isEmpty();
        assertThat(reminders("early.family@example.fr")).hasSize(2);
        assertThat(reminders("late.family@example.fr")).hasSize(1);
        assertThat(reminders("english.family@example.fr")).hasSize(2);
        // the waiting family got no reminder: it holds no seat
        assertThat(TicketTest.to(SMTP, "waiting.family@example.fr")).hasSize(1);

        // cancelling from the reminder's link frees the places: the waiting family is confirmed, with its ticket
        Matcher manage = Outbox.manageLink(early.get(1));
        HttpResponse<String> cancelled = PLATFORM.http().send(HttpRequest.newBuilder(
                        PLATFORM.uri(RegistrationResourceTest.API + "/" + manage.group(2))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        MimeMessage promotion = TicketTest.awaitMessageTo(SMTP, "waiting.family@example.fr", 2).get(1);
        assertThat(promotion.getSubject()).startsWith("A place came free");
        assertThat(Outbox.inline(promotion, "ticket-qr")).isNotNull();
        pause();
        assertThat(TicketTest.to(SMTP, "waiting.family@example.fr")).hasSize(2); // no late reminder after it
    }

    private static void book(String slot, String email, int persons, String lang) {
        HttpResponse<String> response = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, email, persons, lang));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** The company name of the fixture's sheet, as the e-mails write it. */
    private static String company(List<String> slots) {
        return PLATFORM.platform().repository().read(session -> {
            javax.jcr.Node sheet = session.getNodeByIdentifier(slots.get(0)).getParent().getParent();
            javax.jcr.Node site = session.getNodeByIdentifier(sheet.getProperty("site").getString());
            return session.getNodeByIdentifier(site.getProperty("company").getString()).getProperty("name").getString();
        });
    }

    /** Several looks of the job (and of the mail worker) go by. */
    private static void pause() throws InterruptedException {
        Thread.sleep(3_500);
    }

    private static List<MimeMessage> reminders(String address) {
        return TicketTest.to(SMTP, address).stream().filter(ReminderTest::isReminder).toList();
    }

    private static List<MimeMessage> awaitReminders(String address, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> reminders(address), found -> found.size() >= count);
    }

    private static boolean isReminder(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Rappel") || message.getSubject().startsWith("Reminder");
        } catch (Exception e) {
            return false;
        }
    }
}
