package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reminder days set on the edition replace the module's {@code reminder-days} for its visits: with the 2026 edition's
 * {@code reminderDays} at 3, nothing comes 7 days before, the reminder comes 3 days before, none the day before, and a
 * booking made after the 3-day moment gets none.
 */
class EditionReminderDaysTest {

    static final GreenMail SMTP = LocalSmtp.start();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("registration-rate-limit", "0")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("reminder-days", "7,1")
            .setting("reminder-interval", "1")
            .setting("cluster-job-lease", "3")
            .modules(new EventsModule());

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theEditionsReminderDaysReplaceTheSetting() throws Exception {
        EditionStore editions = new EditionStore(PLATFORM.platform().repository(), ZoneId.of("Europe/Paris"));
        Edition edition = editions.find(2026).orElseThrow();
        editions.save(edition.withReminderDays(List.of(3)));
        assertThat(editions.find(2026).orElseThrow().reminderDays()).containsExactly(3);

        // Friday 20 March 2026, 14:00 Paris (13:00 UTC)
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 30, 6, "public");
        book(slot, "early.edition@example.fr");
        TicketTest.awaitMessageTo(SMTP, "early.edition@example.fr", 1);

        CLOCK.set(Instant.parse("2026-03-13T13:00:30Z")); // the setting's 7-day moment: not this edition's
        Thread.sleep(3_500);
        assertThat(reminders("early.edition@example.fr")).isEmpty();

        CLOCK.set(Instant.parse("2026-03-17T13:00:30Z")); // the edition's 3-day moment
        MimeMessage reminder = await("early.edition@example.fr", 1).get(0);
        assertThat(reminder.getSubject()).contains("dans 3 jours");

        // booked after the 3-day moment: no reminder, not even the setting's 1-day one
        book(slot, "late.edition@example.fr");
        TicketTest.awaitMessageTo(SMTP, "late.edition@example.fr", 1);
        CLOCK.set(Instant.parse("2026-03-19T13:00:30Z"));
        Thread.sleep(3_500);
        assertThat(reminders("late.edition@example.fr")).isEmpty();
        assertThat(reminders("early.edition@example.fr")).hasSize(1);
    }

    private static void book(String slot, String email) {
        assertThat(PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, email, 2, "fr")).statusCode()).isEqualTo(201);
    }

    private static List<MimeMessage> reminders(String address) {
        return TicketTest.to(SMTP, address).stream().filter(message -> {
            try {
                return message.getSubject().startsWith("Rappel");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static List<MimeMessage> await(String address, int count) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> reminders(address), found -> found.size() >= count);
    }
}
