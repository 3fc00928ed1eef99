package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.reminder.RegistrationReminders;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two reminders' jobs running at the same moment on one repository, as two cluster nodes would if the job's lease moved
 * in the middle of a look: every registration still gets its reminder once (the losing commit of each slot is refused
 * by Oak, thanks to the folder's random token, and the next look finds the slot done).
 */
class ReminderConcurrencyTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("registration-rate-limit", "0")
            .setting("reminder-days", "none") // the module's own job stays off: the test runs two by hand
            .modules(new EventsModule());

    @Test
    void twoLooksAtOnceQueueEachReminderOnce() throws Exception {
        ContentRepository repository = PLATFORM.platform().repository();
        List<String> addresses = new ArrayList<>();
        for (int slot = 0; slot < 6; slot++) {
            String id = EventSheetFixtures.slot(repository, 30, 6, "public");
            for (int family = 0; family < 3; family++) {
                String address = "family" + slot + "-" + family + "@concurrent.example.fr";
                addresses.add(address);
                assertThat(PLATFORM.post(RegistrationResourceTest.API, "application/json",
                        RegistrationResourceTest.publicBody(id, address, 2, "fr")).statusCode()).isEqualTo(201);
            }
        }
        // the fixture's visits start on Friday 20 March at 14:00 (13:00 UTC): just past their 7-day moment
        CLOCK.set(Instant.parse("2026-03-13T13:00:30Z"));
        MailQueue queue = new MailQueue(repository, Clock.systemUTC());
        List<RegistrationReminders> nodes = List.of(
                new RegistrationReminders(repository, queue, () -> { }, List.of(7, 1), PublicUrl.of("http://127.0.0.1"),
                        CLOCK, ZoneId.of("Europe/Paris")),
                new RegistrationReminders(repository, queue, () -> { }, List.of(7, 1), PublicUrl.of("http://127.0.0.1"),
                        CLOCK, ZoneId.of("Europe/Paris")));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int queued = 0;
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Integer>> looks = new ArrayList<>();
                for (RegistrationReminders node : nodes) {
                    looks.add(threads.submit(() -> {
                        together.await();
                        return node.run();
                    }));
                }
                for (Future<Integer> look : looks) {
                    queued += look.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(queued).as("reminders queued by both jobs together").isEqualTo(addresses.size());
        for (String address : addresses) {
            List<MimeMessage> reminders = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), address, 2).stream()
                    .filter(ReminderConcurrencyTest::isReminder).toList();
            assertThat(reminders).as(address).hasSize(1);
        }
    }

    @Test
    void aReminderQueuedForARegistrationCancelledMeanwhileIsDroppedUnsent() throws Exception {
        ContentRepository repository = PLATFORM.platform().repository();
        CLOCK.set(Instant.parse("2026-02-10T09:00:00Z"));
        String slot = EventSheetFixtures.slot(repository, 30, 6, "public");
        String address = "cancelled.meanwhile@concurrent.example.fr";
        String body = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, address, 2, "fr")).body();
        String id = body.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(Outbox.awaitMessagesTo(PLATFORM.dataFolder(), address, 1)).hasSize(1); // the confirmation
        new fr.usinesouvertes.events.booking.SlotBooking(repository, CLOCK).cancel(id); // (queues no e-mail itself)

        // a reminder and a company's message queued before the cancellation committed (as a racing job would)
        MailQueue queue = new MailQueue(repository, Clock.systemUTC());
        repository.write(session -> {
            queue.enqueue(session, fr.usinesouvertes.events.mail.QueuedMail.of(
                    fr.usinesouvertes.events.mail.MailKind.REMINDER, id, "http://127.0.0.1", null, java.util.Map.of("days", "7")));
            queue.enqueue(session, fr.usinesouvertes.events.mail.QueuedMail.of(
                    fr.usinesouvertes.events.mail.MailKind.COMPANY_MESSAGE, id, "http://127.0.0.1", null,
                    new fr.usinesouvertes.events.mail.CompanyMessage("Fonderie", "Parking", "Le parking est fermé.").toDetails()));
            return null;
        });
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> queue.pending().stream().noneMatch(mail -> mail.registrationId().equals(id)));
        assertThat(queue.failed()).noneMatch(mail -> mail.registrationId().equals(id));
        Thread.sleep(500);
        assertThat(Outbox.messagesTo(PLATFORM.dataFolder(), address)).hasSize(1); // the confirmation only
    }

    private static boolean isReminder(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Rappel");
        } catch (Exception e) {
            return false;
        }
    }
}
