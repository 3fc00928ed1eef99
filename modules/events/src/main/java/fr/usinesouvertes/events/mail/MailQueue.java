package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The durable queue of registration e-mails, in the private {@value #WORKSPACE} workspace: an entry is
 * written in the same commit as the booking or cancellation it tells about, so an acknowledged
 * registration always gets its e-mail, even after a crash; the sender removes it once sent.
 *
 * <p>Entries live under {@code /mailqueue/pending} (then {@code /mailqueue/failed} once they gave up),
 * as {@code oak:Unstructured} nodes: that type keeps no child order and is not referenceable, so adding
 * an entry neither rewrites a list of every pending entry nor updates the UUID index, and concurrent
 * commits adding different entries never conflict.
 */
public final class MailQueue {

    public static final String WORKSPACE = "mailqueue";
    static final String PENDING = "/" + WORKSPACE + "/pending";
    static final String FAILED = "/" + WORKSPACE + "/failed";
    private static final String ENTRY_TYPE = "oak:Unstructured";
    private static final int MAX_ERROR_LENGTH = 500;

    private final ContentRepository repository;
    private final Clock clock;

    public MailQueue(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(WORKSPACE));
            Node root = session.getNode("/" + WORKSPACE);
            for (String folder : List.of("pending", "failed")) {
                if (!root.hasNode(folder)) {
                    root.addNode(folder, ENTRY_TYPE);
                }
            }
            return null;
        });
    }

    /** Adds an entry within the caller's session, which saves it together with the change it tells about. */
    public void enqueue(Session session, QueuedMail mail) throws RepositoryException {
        long now = clock.millis();
        // Time first, so that names sort roughly in queue order; the random part keeps them unique across nodes.
        String name = "m" + Long.toString(now, 36) + "-" + UUID.randomUUID().toString().replace("-", "");
        Node entry = session.getNode(PENDING).addNode(name, ENTRY_TYPE);
        entry.setProperty("kind", mail.kind().name());
        entry.setProperty("registration", mail.registrationId());
        entry.setProperty("siteUrl", mail.siteUrl());
        if (mail.position() != null) {
            entry.setProperty("position", mail.position().longValue());
        }
        entry.setProperty("attempts", 0L);
        entry.setProperty("created", now);
        entry.setProperty("due", now);
    }

    /** Up to {@code max} pending entries due now, oldest due first. */
    public List<QueuedMail> due(int max) {
        long now = clock.millis();
        return repository.read(session -> {
            List<QueuedMail> due = new ArrayList<>();
            for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
                QueuedMail mail = read(it.nextNode());
                if (mail.dueMillis() <= now) {
                    due.add(mail);
                }
            }
            due.sort(Comparator.comparingLong(QueuedMail::dueMillis).thenComparing(QueuedMail::id));
            return due.size() > max ? new ArrayList<>(due.subList(0, max)) : due;
        });
    }

    /** Every pending entry, due or waiting for a retry. */
    public List<QueuedMail> pending() {
        return list(PENDING);
    }

    /** The entries that gave up after their last attempt, for the organisers. */
    public List<QueuedMail> failed() {
        return list(FAILED);
    }

    /**
     * Records the outcome of a batch in one commit: sent entries are removed; failed ones are retried
     * after {@code retryDelay} doubled at each attempt, or moved to the failed entries after
     * {@code maxAttempts}.
     *
     * @return the entries that gave up for good in this batch
     */
    public List<QueuedMail> settle(List<QueuedMail> sent, List<Failure> failures, Duration retryDelay, int maxAttempts) {
        return repository.write(session -> {
            for (QueuedMail mail : sent) {
                String path = PENDING + "/" + mail.id();
                if (session.nodeExists(path)) {
                    session.getNode(path).remove();
                }
            }
            List<QueuedMail> gaveUp = new ArrayList<>();
            for (Failure failure : failures) {
                String path = PENDING + "/" + failure.mail().id();
                if (!session.nodeExists(path)) {
                    continue;
                }
                Node entry = session.getNode(path);
                int attempts = failure.mail().attempts() + 1;
                entry.setProperty("attempts", (long) attempts);
                entry.setProperty("lastError", abbreviate(failure.reason()));
                if (failure.permanent() || attempts >= maxAttempts) {
                    session.move(path, FAILED + "/" + failure.mail().id());
                    gaveUp.add(read(session.getNode(FAILED + "/" + failure.mail().id())));
                } else {
                    long delay = retryDelay.toMillis() << Math.min(attempts - 1, 20);
                    entry.setProperty("due", clock.millis() + delay);
                }
            }
            return gaveUp;
        });
    }

    /** Puts every failed entry back in the queue, due now with its attempts reset; returns how many. */
    public int retryFailed() {
        long now = clock.millis();
        return repository.write(session -> {
            int count = 0;
            List<String> names = new ArrayList<>();
            for (NodeIterator it = session.getNode(FAILED).getNodes(); it.hasNext(); ) {
                names.add(it.nextNode().getName());
            }
            for (String name : names) {
                session.move(FAILED + "/" + name, PENDING + "/" + name);
                Node entry = session.getNode(PENDING + "/" + name);
                entry.setProperty("attempts", 0L);
                entry.setProperty("due", now);
                count++;
            }
            return count;
        });
    }

    /**
     * Why an entry could not be sent.
     *
     * @param permanent {@code true} when retrying cannot help (the registration no longer exists, the address is invalid)
     */
    public record Failure(QueuedMail mail, String reason, boolean permanent) {
    }

    private List<QueuedMail> list(String folder) {
        return repository.read(session -> {
            List<QueuedMail> entries = new ArrayList<>();
            for (NodeIterator it = session.getNode(folder).getNodes(); it.hasNext(); ) {
                entries.add(read(it.nextNode()));
            }
            entries.sort(Comparator.comparing(QueuedMail::id));
            return entries;
        });
    }

    private static QueuedMail read(Node entry) throws RepositoryException {
        return new QueuedMail(entry.getName(), MailKind.valueOf(entry.getProperty("kind").getString()),
                entry.getProperty("registration").getString(), entry.getProperty("siteUrl").getString(),
                entry.hasProperty("position") ? (int) entry.getProperty("position").getLong() : null,
                (int) entry.getProperty("attempts").getLong(), entry.getProperty("due").getLong(),
                entry.hasProperty("lastError") ? entry.getProperty("lastError").getString() : null);
    }

    private static String abbreviate(String reason) {
        String text = reason == null ? "unknown error" : reason;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
    }
}
