package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.calendar.VisitCalendar;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.registration.ManageLinks;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import fr.usinesouvertes.events.registration.RegistrationMailDispatcher;
import fr.usinesouvertes.events.registration.RegistrationMailWorker;
import fr.usinesouvertes.events.registration.RegistrationMailer;
import fr.usinesouvertes.events.registration.RegistrationRecords;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.mail.SmtpConfig;
import fr.usinesouvertes.platform.mail.SmtpMailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.DocumentStoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackend;
import fr.usinesouvertes.platform.testing.SharedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes sharing one PostgreSQL both queue registration e-mails; exactly one node sends them, each
 * exactly once, and when that node stops renewing its lease (as after a crash) the other takes over.
 */
class RegistrationMailClusterTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** One cluster node: its repository, booking, queue, lease-holding jobs and mail worker. */
    private record Node(ContentRepository repository, SlotBooking booking, MailQueue queue, ClusterJobs jobs,
                        RegistrationMailWorker worker) {
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void eachMailIsSentExactlyOnceByOneNodeAndTheOtherTakesOverWhenItStops() throws Exception {
        SharedPostgres postgres = SharedPostgres.start();
        toClose.add(postgres::close);
        String jdbcUrl = postgres.newDatabase();
        Node a = start(jdbcUrl);
        Node b = start(jdbcUrl);
        a.repository().write(session -> {
            javax.jcr.Node events = session.nodeExists("/events") ? session.getNode("/events")
                    : session.getRootNode().addNode("events", "mgnl:folder");
            if (!events.hasNode("2026")) {
                events.addNode("2026", "mgnl:folder");
            }
            return null;
        });
        String slot = EventSheetFixtures.slot(a.repository(), 1000, 6, "public");
        awaitVisible(b.repository(), slot);

        book(List.of(a, b), slot, 0, 40);
        assertThat(SMTP.waitForIncomingEmail(30_000, 40)).isTrue();
        Node leader = a.jobs().isLeader(RegistrationMailWorker.JOB) ? a : b;
        Node other = leader == a ? b : a;
        assertThat(other.jobs().isLeader(RegistrationMailWorker.JOB)).isFalse();

        leader.worker().close();
        leader.jobs().abandon(); // stops renewing without handing over, as a killed node would
        book(List.of(a, b), slot, 40, 20);

        assertThat(SMTP.waitForIncomingEmail(30_000, 60)).isTrue();
        // a further poll on each node: nothing more may arrive
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .until(() -> SMTP.getReceivedMessages().length == 60);
        Map<String, Long> perRecipient = Arrays.stream(SMTP.getReceivedMessages())
                .collect(Collectors.groupingBy(RegistrationMailClusterTest::recipient, Collectors.counting()));
        assertThat(perRecipient).hasSize(60).allSatisfy((address, count) -> assertThat(count).as(address).isEqualTo(1));
        assertThat(other.jobs().isLeader(RegistrationMailWorker.JOB)).isTrue();
        assertThat(other.queue().pending()).isEmpty();
    }

    /** Books {@code count} visitors numbered from {@code from}, alternating nodes, 8 at a time. */
    private static void book(List<Node> nodes, String slot, int from, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BookingOutcome>> outcomes = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                int n = i;
                Node node = nodes.get(n % nodes.size());
                outcomes.add(pool.submit(() -> {
                    BookingOutcome outcome = node.booking().book(new BookingRequest(slot, 1, "visitor-" + n, registration -> {
                        registration.setProperty("audience", "public");
                        registration.setProperty("name", "Visiteur " + n);
                        registration.setProperty("email", "visitor-" + n + "@example.org");
                        registration.setProperty("lang", "fr");
                    }, (session, booked) -> node.queue().enqueue(session,
                            QueuedMail.of(MailKind.CONFIRMATION, booked.registrationId(), "https://example.org", null))));
                    node.worker().wake();
                    return outcome;
                }));
            }
            for (Future<BookingOutcome> outcome : outcomes) {
                assertThat(outcome.get().status()).isEqualTo(RegistrationStatus.CONFIRMED);
            }
        } finally {
            pool.shutdown();
        }
    }

    private Node start(String jdbcUrl) throws Exception {
        DocumentStoreBackend backend = new DocumentStoreBackend(Files.createTempDirectory("mail-node"),
                new DocumentStoreBackend.Options(jdbcUrl, "postgres", "postgres", 8, 0, 100, Duration.ofMinutes(1)));
        ContentRepository repository;
        try (StoreBackend.StartupGuard ignored = backend.exclusiveStartup()) {
            repository = ContentRepository.open(backend);
        }
        toClose.add(repository);
        MailQueue queue = new MailQueue(repository, Clock.systemUTC());
        ClusterJobs jobs = new ClusterJobs(repository, LEASE);
        toClose.add(jobs);
        ManageLinks links = new ManageLinks(new RegistrationLinks(
                "a test secret of at least thirty-two characters".getBytes(StandardCharsets.UTF_8), Clock.systemUTC()));
        SmtpMailSender sender = new SmtpMailSender(new SmtpConfig("127.0.0.1", SMTP.getSmtp().getPort(), null, null, false,
                "Journées Usines Ouvertes <ne-pas-repondre@example.org>"), Clock.systemUTC());
        RegistrationMailDispatcher dispatcher = new RegistrationMailDispatcher(queue, new RegistrationRecords(repository),
                new SlotDirectory(repository, 6, PARIS), links, new RegistrationMailer(new RegistrationMailComposer(
                new VisitCalendar(Clock.systemUTC(), PARIS, "example.org", "ne-pas-repondre@example.org"), PARIS), sender),
                Duration.ofSeconds(1), 5, 20, 4);
        RegistrationMailWorker worker = new RegistrationMailWorker(jobs, dispatcher, Duration.ofMillis(200),
                Duration.ofSeconds(1), 20);
        toClose.add(worker);
        return new Node(repository, new SlotBooking(repository, Clock.systemUTC()), queue, jobs, worker);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitVisible(ContentRepository node, String id) {
        Function<String, Boolean> seen = identifier -> node.read(session -> {
            try {
                session.getNodeByIdentifier(identifier);
                return true;
            } catch (javax.jcr.ItemNotFoundException e) {
                return false;
            }
        });
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .until(() -> seen.apply(id)); // reads on this thread's repository session
    }
}
