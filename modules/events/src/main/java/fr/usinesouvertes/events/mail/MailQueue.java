package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The durable queue of registration e-mails (and of the alerts about a cancelled visit, {@link CancellationAlert}),
 * in the private {@value #WORKSPACE} workspace: an entry is written in the same commit as the booking or
 * cancellation it tells about, so an acknowledged registration always gets its e-mail, even after a crash, and a
 * change that failed to commit mails nothing; the sender removes it once sent.
 *
 * <p>Entries live under {@code /mailqueue/pending} (then {@code /mailqueue/failed} once they gave up),
 * as {@code oak:Unstructured} nodes: that type keeps no child order and is not referenceable, so adding
 * an entry neither rewrites a list of every pending entry nor updates the UUID index, and concurrent
 * commits adding different entries never conflict.
 *
 * <p>Pending entries are filed by the minute they are due, {@code pending/b<yyyyMMddHHmm>/<entry>} (UTC):
 * finding the next due entries reads the list of minutes and then only as many entries as wanted, instead
 * of every pending entry, which after an SMTP outage can be hundreds of thousands (entries that versions before
 * 0.2.0 wrote directly under {@code pending} are moved into buckets by the module's update task). Two commits
 * creating the same minute's folder at once conflict, once a minute at most; the booking's commit retries as
 * after any conflict.
 */
public final class MailQueue {

    public static final String WORKSPACE = "mailqueue";
    static final String PENDING = "/" + WORKSPACE + "/pending";
    static final String FAILED = "/" + WORKSPACE + "/failed";
    private static final String ENTRY_TYPE = "oak:Unstructured";
    /** Prefix of the properties holding a {@link QueuedMail#details()} entry. */
    private static final String DETAIL = "detail.";
    private static final int MAX_ERROR_LENGTH = 500;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("'b'yyyyMMddHHmm").withZone(ZoneOffset.UTC);

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
        write(bucket(session, now).addNode(name, ENTRY_TYPE), mail);
        // No attempts (0) nor due time (its creation, in its name) until a failure: a booking's commit writes less.
    }

    private static void write(Node entry, QueuedMail mail) throws RepositoryException {
        entry.setProperty("kind", mail.kind().name());
        entry.setProperty("registration", mail.registrationId());
        entry.setProperty("siteUrl", mail.siteUrl());
        if (mail.position() != null) {
            entry.setProperty("position", mail.position().longValue());
        }
        for (java.util.Map.Entry<String, String> detail : mail.details().entrySet()) {
            entry.setProperty(DETAIL + detail.getKey(), detail.getValue());
        }
    }

    /** How many e-mails of a bulk sending (reminders, surveys) fall due in one minute. */
    public static final int BULK_PER_MINUTE = 1_000;

    /**
     * Adds the {@code rank}-th e-mail (from 0) of a bulk sending, such as a look of the reminders' job, within the
     * caller's session: the first {@value #BULK_PER_MINUTE} are due now, the next ones a minute later, and so on. A bulk
     * of 100,000 reminders is thus sent over 100 minutes instead of at once: the mail worker's batches stay a small share
     * of the machine, and the registration e-mails queued meanwhile wait behind one minute's share at most (the worker
     * sends the oldest minutes first), not behind the whole bulk.
     */
    public void enqueueBulk(Session session, QueuedMail mail, int rank) throws RepositoryException {
        long minutes = rank / BULK_PER_MINUTE;
        if (minutes == 0) {
            enqueue(session, mail);
            return;
        }
        long due = clock.millis() + minutes * 60_000;
        String name = "m" + Long.toString(clock.millis(), 36) + "-" + UUID.randomUUID().toString().replace("-", "");
        Node entry = bucket(session, due).addNode(name, ENTRY_TYPE);
        write(entry, mail);
        entry.setProperty("due", due);
    }

    /** Up to {@code max} pending entries due now, oldest due first. */
    public List<QueuedMail> due(int max) {
        long now = clock.millis();
        String current = bucketName(now);
        return repository.read(session -> {
            List<QueuedMail> due = new ArrayList<>();
            List<Node> buckets = new ArrayList<>();
            for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
                Node child = it.nextNode();
                if (child.getName().compareTo(current) <= 0) {
                    buckets.add(child);
                }
            }
            buckets.sort(Comparator.comparing(MailQueue::name));
            for (Node bucket : buckets) {
                for (NodeIterator it = bucket.getNodes(); it.hasNext() && due.size() < max; ) {
                    addIfDue(read(it.nextNode()), now, due);
                }
                if (due.size() >= max) {
                    break; // older minutes come first: the rest can wait for the next batch
                }
            }
            due.sort(Comparator.comparingLong(QueuedMail::dueMillis).thenComparing(QueuedMail::id));
            return due.size() > max ? new ArrayList<>(due.subList(0, max)) : due;
        });
    }

    private static void addIfDue(QueuedMail mail, long now, List<QueuedMail> due) {
        if (mail.dueMillis() <= now) {
            due.add(mail);
        }
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
     * How many entries are pending and failed, from the sizes Oak keeps with each folder (a bucket's child count)
     * rather than by reading the entries: for the queue's gauges. On a store that does not know a folder's size it
     * counts the folder's children.
     */
    public long[] counts() {
        return repository.read(session -> {
            long pending = 0;
            for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
                Node child = it.nextNode();
                pending += size(child.getNodes());
            }
            return new long[] {pending, size(session.getNode(FAILED).getNodes())};
        });
    }

    private static long size(NodeIterator children) {
        long size = children.getSize();
        if (size >= 0) {
            return size;
        }
        long counted = 0;
        for (; children.hasNext(); children.nextNode()) {
            counted++;
        }
        return counted;
    }

    /**
     * When the oldest entry still pending became due, to the minute, if it became due before {@code before}; empty
     * when none did. Reads the names of the minutes' folders, and only whether the oldest of them still hold an
     * entry, never the entries themselves: cheap enough for a readiness probe.
     */
    public java.util.Optional<Instant> oldestDueBefore(Instant before) {
        String cutoff = bucketName(before.toEpochMilli());
        return repository.read(session -> {
            List<Node> old = new ArrayList<>();
            for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
                Node child = it.nextNode();
                if (child.getName().compareTo(cutoff) < 0) {
                    old.add(child);
                }
            }
            old.sort(Comparator.comparing(MailQueue::name));
            for (Node bucket : old) {
                if (bucket.hasNodes()) {
                    return java.util.Optional.of(bucketStart(bucket.getName()));
                }
            }
            return java.util.Optional.<Instant>empty();
        });
    }

    /** Whether any entry is pending (due or waiting for a retry), stopping at the first one found. */
    public boolean anyPending() {
        return repository.read(session -> {
            for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
                Node child = it.nextNode();
                if (child.hasNodes()) {
                    return true;
                }
            }
            return false;
        });
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
            Set<String> touchedBuckets = new HashSet<>();
            for (QueuedMail mail : sent) {
                Node entry = pendingEntry(session, mail);
                if (entry != null) {
                    touchedBuckets.add(entry.getParent().getPath());
                    entry.remove();
                }
            }
            List<QueuedMail> gaveUp = new ArrayList<>();
            for (Failure failure : failures) {
                Node entry = pendingEntry(session, failure.mail());
                if (entry == null) {
                    continue;
                }
                touchedBuckets.add(entry.getParent().getPath());
                String path = entry.getPath();
                int attempts = failure.mail().attempts() + 1;
                entry.setProperty("attempts", (long) attempts);
                entry.setProperty("lastError", abbreviate(failure.reason()));
                if (failure.permanent() || attempts >= maxAttempts) {
                    session.move(path, FAILED + "/" + failure.mail().id());
                    gaveUp.add(read(session.getNode(FAILED + "/" + failure.mail().id())));
                } else {
                    long due = clock.millis() + (retryDelay.toMillis() << Math.min(attempts - 1, 20));
                    entry.setProperty("due", due);
                    String target = bucket(session, due).getPath() + "/" + failure.mail().id();
                    if (!target.equals(path)) {
                        session.move(path, target);
                    }
                }
            }
            removeEmptyPastBuckets(session, touchedBuckets);
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
                String path = bucket(session, now).getPath() + "/" + name;
                session.move(FAILED + "/" + name, path);
                Node entry = session.getNode(path);
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
                Node child = it.nextNode();
                if (isEntry(child)) {
                    entries.add(read(child));
                } else {
                    for (NodeIterator inBucket = child.getNodes(); inBucket.hasNext(); ) {
                        entries.add(read(inBucket.nextNode()));
                    }
                }
            }
            entries.sort(Comparator.comparing(QueuedMail::id));
            return entries;
        });
    }

    /** The folder of the entries due in the minute of {@code dueMillis}, created if needed. */
    private static Node bucket(Session session, long dueMillis) throws RepositoryException {
        Node pending = session.getNode(PENDING);
        String name = bucketName(dueMillis);
        return pending.hasNode(name) ? pending.getNode(name) : pending.addNode(name, ENTRY_TYPE);
    }

    static String bucketName(long millis) {
        return MINUTE.format(Instant.ofEpochMilli(millis));
    }

    /** The first instant of a bucket's minute. */
    static Instant bucketStart(String bucketName) {
        return java.time.LocalDateTime.parse(bucketName.substring(1), DateTimeFormatter.ofPattern("yyyyMMddHHmm"))
                .toInstant(ZoneOffset.UTC);
    }

    /** Where a pending entry read earlier is now, in the bucket of its due minute; {@code null} when it left. */
    private static Node pendingEntry(Session session, QueuedMail mail) throws RepositoryException {
        String path = PENDING + "/" + bucketName(mail.dueMillis()) + "/" + mail.id();
        return session.nodeExists(path) ? session.getNode(path) : null;
    }

    /**
     * The update task of version 0.2.0: moves the entries that earlier versions queued directly under
     * {@code pending} into the bucket of their due minute, in the task's session.
     *
     * @return how many entries moved
     */
    public static int bucketEntriesOfEarlierVersions(Session session) throws RepositoryException {
        if (!session.nodeExists(PENDING)) {
            return 0; // a fresh install: the queue's folders come with its first start
        }
        List<Node> unbucketed = new ArrayList<>();
        for (NodeIterator it = session.getNode(PENDING).getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (isEntry(child)) {
                unbucketed.add(child);
            }
        }
        for (Node entry : unbucketed) {
            Node bucket = bucket(session, read(entry).dueMillis());
            session.move(entry.getPath(), bucket.getPath() + "/" + entry.getName());
        }
        return unbucketed.size();
    }

    /**
     * Removes the buckets a batch emptied, if their minute is over: new entries go to the current minute's
     * bucket, so removing a past one does not race with a booking adding to it.
     */
    private void removeEmptyPastBuckets(Session session, Set<String> bucketPaths) throws RepositoryException {
        String current = bucketName(clock.millis());
        for (String path : bucketPaths) {
            if (!path.startsWith(PENDING + "/") || !session.nodeExists(path)) {
                continue; // never the pending folder itself
            }
            Node bucket = session.getNode(path);
            if (!bucket.hasNodes() && bucket.getName().compareTo(current) < 0) {
                bucket.remove();
            }
        }
    }

    private static boolean isEntry(Node node) throws RepositoryException {
        return node.hasProperty("kind");
    }

    private static String name(Node node) {
        try {
            return node.getName();
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QueuedMail read(Node entry) throws RepositoryException {
        return new QueuedMail(entry.getName(), MailKind.valueOf(entry.getProperty("kind").getString()),
                entry.getProperty("registration").getString(), entry.getProperty("siteUrl").getString(),
                entry.hasProperty("position") ? (int) entry.getProperty("position").getLong() : null,
                entry.hasProperty("attempts") ? (int) entry.getProperty("attempts").getLong() : 0,
                entry.hasProperty("due") ? entry.getProperty("due").getLong() : createdMillis(entry.getName()),
                entry.hasProperty("lastError") ? entry.getProperty("lastError").getString() : null, details(entry));
    }

    private static java.util.Map<String, String> details(Node entry) throws RepositoryException {
        java.util.Map<String, String> details = new java.util.HashMap<>();
        for (javax.jcr.PropertyIterator it = entry.getProperties(DETAIL + "*"); it.hasNext(); ) {
            javax.jcr.Property property = it.nextProperty();
            details.put(property.getName().substring(DETAIL.length()), property.getString());
        }
        return details;
    }

    /** When an entry was queued, from its name ({@code m<millis in base 36>-<random>}); 0 if it has no such name. */
    static long createdMillis(String name) {
        int dash = name.indexOf('-');
        if (!name.startsWith("m") || dash < 2) {
            return 0;
        }
        try {
            return Long.parseLong(name.substring(1, dash), 36);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String abbreviate(String reason) {
        String text = reason == null ? "unknown error" : reason;
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
    }
}
