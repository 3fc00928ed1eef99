package fr.usinesouvertes.events.cancellation;

import fr.usinesouvertes.events.company.VisitCancellations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.registration.ManageLinks;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import fr.usinesouvertes.events.registration.RegistrationMailDispatcher;
import fr.usinesouvertes.events.registration.RegistrationMailer;
import fr.usinesouvertes.events.registration.RegistrationRecords;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.SmtpConfig;
import fr.usinesouvertes.platform.mail.SmtpMailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import fr.usinesouvertes.platform.repository.RepositoryException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alerts about a cancelled visit (to the organisers, and to the company when the organisers cancel) are queued in
 * the cancellation's own commit, with the registrants' e-mails: after the commit they wait in the durable queue, and
 * a sender started afterwards (as after a crash) delivers them over SMTP; a cancellation whose commit fails queues
 * and sends nothing.
 */
class CancellationAlertQueueTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), PARIS);
    private static final String ORGANISERS = "organisation@journees.example.fr";
    private static final String COMPANY = "contact@fonderie.example.fr";
    private static final String REASON = "Panne de la ligne de production : l'atelier est fermé.";

    private final ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());
    private final EventFixtures fixtures = new EventFixtures(repository);

    @AfterEach
    void close() {
        repository.close();
    }

    /** A published 2026 sheet of a company with a contact address, one Saturday slot and one confirmed family. */
    private String publishedSheetWithARegistration(String slug) {
        String company = fixtures.company(slug + "-company", "Fonderie Alpha");
        repository.write(session -> {
            fr.usinesouvertes.platform.repository.NodesByIdentifier.find(session, company).setProperty("contactEmail", COMPANY);
            return null;
        });
        String site = fixtures.site(slug, company, "Fonderie Alpha de Santes", "Santes", "59", "Hauts-de-France");
        fixtures.sheet(2026, slug, site, "published");
        String slot = fixtures.slot(2026, slug, EventFixtures.paris(2026, 3, 21, 10, 0), EventFixtures.paris(2026, 3, 21, 12, 0),
                20, List.of("public"));
        new SlotBooking(repository, CLOCK).book(new BookingRequest(slot, 4, UUID.randomUUID().toString(), node -> {
            node.setProperty("audience", "public");
            node.setProperty("name", "Famille Martin");
            node.setProperty("email", "martin@familles.example.fr");
            node.setProperty("lang", "fr");
        }));
        return slot;
    }

    private VisitCancellations cancellations(MailQueue queue, Runnable onMailQueued) {
        return new VisitCancellations(repository, queue, onMailQueued, ORGANISERS,
                PublicUrl.of("https://journees.example.fr"), CLOCK, PARIS);
    }

    /** The registration mail sender as a node starting after the cancellation would build it. */
    private RegistrationMailDispatcher sender(MailQueue queue) {
        SmtpMailSender smtp = new SmtpMailSender(new SmtpConfig("127.0.0.1", SMTP.getSmtp().getPort(), null, null, false,
                "Journées Usines Ouvertes <" + ORGANISERS + ">"), CLOCK);
        return new RegistrationMailDispatcher(queue, new RegistrationRecords(repository), new SlotDirectory(repository, 6, PARIS),
                new ManageLinks(new RegistrationLinks("a test secret of at least thirty-two characters"
                        .getBytes(StandardCharsets.UTF_8), CLOCK)),
                new RegistrationMailer(new RegistrationMailComposer(new VisitCalendar(CLOCK, PARIS, "example.org", ORGANISERS),
                        PARIS), smtp), Duration.ofSeconds(1), 5, 20, 2);
    }

    @Test
    void theAlertsWaitInTheQueueFromTheCancellationsCommitUntilASenderDeliversThem() throws Exception {
        publishedSheetWithARegistration("fonderie-alpha");
        MailQueue queue = new MailQueue(repository, Clock.systemUTC());
        AtomicInteger wakes = new AtomicInteger();

        VisitCancellations.Outcome outcome = cancellations(queue, wakes::incrementAndGet).cancel(2026, "fonderie-alpha", null,
                REASON, VisitCancellations.Actor.ORGANISER, "orga@journees.example.fr", Lang.FR);

        assertThat(outcome.changed()).isTrue();
        assertThat(wakes).hasValue(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty(); // nothing sent by the cancellation itself
        List<QueuedMail> pending = queue.pending();
        assertThat(pending).extracting(QueuedMail::kind).containsExactlyInAnyOrder(MailKind.VISIT_CANCELLED,
                MailKind.CANCELLATION_ALERT, MailKind.CANCELLATION_ALERT);
        assertThat(pending).filteredOn(mail -> mail.kind() == MailKind.CANCELLATION_ALERT)
                .extracting(mail -> mail.details().get("to")).containsExactlyInAnyOrder(ORGANISERS, COMPANY);

        try (RegistrationMailDispatcher sender = sender(queue)) { // as a node started after a crash would
            assertThat(sender.sendDue(() -> true).sent()).isEqualTo(3);
        }

        assertThat(queue.pending()).isEmpty();
        MimeMessage alert = to(ORGANISERS);
        assertThat(alert.getSubject()).isEqualTo("Visite annulée : la fiche 2026 du site « Fonderie Alpha de Santes »");
        assertThat(text(alert)).contains("Annulation par les organisateurs (orga@journees.example.fr)",
                "Fonderie Alpha", "1 inscription(s) annul", "https://journees.example.fr/admin/moderation/");
        assertThat(to(COMPANY).getSubject()).startsWith("Les organisateurs ont annulé la fiche 2026");
        assertThat(to("martin@familles.example.fr").getSubject()).startsWith("Visite annulée : Fonderie Alpha");
    }

    @Test
    void aCancellationWhoseCommitFailsQueuesAndSendsNothing() throws Exception {
        String slot = publishedSheetWithARegistration("fonderie-beta");
        AtomicInteger conflicts = new AtomicInteger();
        // Each time the cancellation queues an e-mail, another commit changes the sheet it is cancelling: its save
        // conflicts, every attempt, until it gives up.
        Clock conflicting = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return PARIS;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                CompletableFuture.runAsync(() -> repository.write(session -> {
                    session.getNode("/events/2026/fonderie-beta").setProperty("cancellationReason",
                            "Changée ailleurs " + conflicts.incrementAndGet());
                    return null;
                })).join();
                return CLOCK.instant();
            }
        };
        MailQueue queue = new MailQueue(repository, conflicting);
        AtomicInteger wakes = new AtomicInteger();

        assertThatThrownBy(() -> cancellations(queue, wakes::incrementAndGet).cancel(2026, "fonderie-beta", null, REASON,
                VisitCancellations.Actor.COMPANY, COMPANY, Lang.FR)).isInstanceOf(RepositoryException.class);

        assertThat(conflicts.get()).isGreaterThanOrEqualTo(5); // every attempt conflicted
        assertThat(wakes).hasValue(0);
        assertThat(queue.pending()).isEmpty();
        String status = repository.read(session -> session.getNode("/events/2026/fonderie-beta").getProperty("status").getString());
        assertThat(status).isEqualTo("published");
        List<String> registrations = repository.read(session -> {
            List<String> statuses = new java.util.ArrayList<>();
            for (javax.jcr.NodeIterator it = session.getNode("/" + SlotBooking.WORKSPACE + "/" + slot).getNodes(); it.hasNext(); ) {
                javax.jcr.Node registration = it.nextNode();
                if (registration.hasProperty("status")) {
                    statuses.add(registration.getProperty("status").getString());
                }
            }
            return statuses;
        });
        assertThat(registrations).containsExactly("confirmed");
        try (RegistrationMailDispatcher sender = sender(new MailQueue(repository, Clock.systemUTC()))) {
            assertThat(sender.sendDue(() -> true).sent()).isZero();
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** Every text part of a message, decoded. */
    private static String text(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content instanceof String text ? text : "";
    }

    private static MimeMessage to(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        throw new AssertionError("No e-mail to " + address);
    }
}
