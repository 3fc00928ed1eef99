package fr.usinesouvertes.events.mail;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import fr.usinesouvertes.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailQueueTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));
    private final ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());
    private final MailQueue queue = new MailQueue(repository, clock);

    @AfterEach
    void close() {
        repository.close();
    }

    private void enqueue(String registrationId) {
        repository.write(session -> {
            queue.enqueue(session, QueuedMail.of(MailKind.CONFIRMATION, registrationId, "https://example.org", null));
            return null;
        });
    }

    @Test
    void theReadinessCheckReadsCountsAndTheOldestDueMinuteWithoutReadingEntries() {
        assertThat(queue.counts()).containsExactly(0, 0);
        assertThat(queue.anyPending()).isFalse();
        enqueue("r1");
        enqueue("r2");
        clock.advance(java.time.Duration.ofMinutes(5));
        enqueue("r3");

        assertThat(queue.counts()).containsExactly(3, 0);
        assertThat(queue.anyPending()).isTrue();
        assertThat(queue.oldestDueBefore(clock.instant())).hasValue(Instant.parse("2026-02-10T09:00:00Z"));
        assertThat(queue.oldestDueBefore(Instant.parse("2026-02-10T09:00:00Z"))).isEmpty();

        queue.settle(queue.due(2), java.util.List.of(), java.time.Duration.ofSeconds(60), 3);

        assertThat(queue.counts()).containsExactly(1, 0);
        assertThat(queue.oldestDueBefore(clock.instant())).as("the emptied minute is skipped").isEmpty();
    }

    @Test
    void aBulkIsDueAThousandAMinuteAndAConfirmationQueuedAfterItWaitsBehindOneMinutesShareAtMost() {
        repository.write(session -> {
            for (int rank = 0; rank < 2_500; rank++) {
                queue.enqueueBulk(session, QueuedMail.of(MailKind.REMINDER, "reminded-" + rank, "https://example.org",
                        null), rank);
            }
            return null;
        });
        enqueue("booked-just-after");
        assertThat(queue.counts()[0]).isEqualTo(2_501);
        List<QueuedMail> now = queue.due(5_000);
        assertThat(now).hasSize(MailQueue.BULK_PER_MINUTE + 1);
        assertThat(now).extracting(QueuedMail::registrationId).contains("booked-just-after", "reminded-999")
                .doesNotContain("reminded-1000");
        clock.set(Instant.parse("2026-02-10T09:01:00Z"));
        assertThat(queue.due(5_000)).hasSize(2 * MailQueue.BULK_PER_MINUTE + 1);
        clock.set(Instant.parse("2026-02-10T09:02:00Z"));
        assertThat(queue.due(5_000)).hasSize(2_501);
    }

    @Test
    void aNewEntryStoresOnlyWhatItTellsAndIsDueAtOnce() {
        enqueue("r1");

        QueuedMail mail = queue.due(10).get(0);
        assertThat(mail.attempts()).isZero();
        assertThat(mail.dueMillis()).isEqualTo(clock.millis());
        repository.read(session -> {
            javax.jcr.Node entry = session.getNode(MailQueue.PENDING + "/" + MailQueue.bucketName(clock.millis()) + "/" + mail.id());
            assertThat(entry.hasProperty("attempts") || entry.hasProperty("due")).isFalse();
            return null;
        });
        assertThat(MailQueue.createdMillis("not-an-entry")).isZero();
    }

    @Test
    void anEntryOfAnEarlierVersionWithAllItsPropertiesIsRead() {
        repository.write(session -> {
            javax.jcr.Node entry = session.getNode(MailQueue.PENDING).addNode("legacy-entry", "oak:Unstructured");
            entry.setProperty("kind", "CONFIRMATION");
            entry.setProperty("registration", "r0");
            entry.setProperty("siteUrl", "https://example.org");
            entry.setProperty("attempts", 2L);
            entry.setProperty("created", clock.millis() - 60_000);
            entry.setProperty("due", clock.millis() - 1_000);
            return null;
        });
        assertThat(repository.write(MailQueue::bucketEntriesOfEarlierVersions)).isEqualTo(1);

        QueuedMail mail = queue.due(10).get(0);

        assertThat(mail.registrationId()).isEqualTo("r0");
        assertThat(mail.attempts()).isEqualTo(2);
        assertThat(mail.dueMillis()).isEqualTo(clock.millis() - 1_000);
    }

    @Test
    void aBacklogIsSentOldestFirstAFewAtATime() {
        for (int minute = 0; minute < 3; minute++) {
            for (int i = 0; i < 400; i++) {
                enqueue("m" + minute + "-" + i);
            }
            clock.advance(Duration.ofMinutes(1));
        }

        List<QueuedMail> batch = queue.due(50);

        assertThat(batch).hasSize(50).allSatisfy(mail -> assertThat(mail.registrationId()).startsWith("m0-"));
        queue.settle(batch, List.of(), Duration.ofMinutes(1), 8);
        assertThat(queue.pending()).hasSize(1150);
    }

    @Test
    void aFailedEntryWaitsForItsRetryInALaterMinuteAndEmptyMinutesAreRemoved() {
        enqueue("r1");
        enqueue("r2");
        List<QueuedMail> batch = queue.due(10);
        assertThat(batch).hasSize(2);
        clock.advance(Duration.ofMinutes(1)); // the first minute is over: its folder goes once empty

        QueuedMail failing = batch.get(0);
        queue.settle(List.of(batch.get(1)), List.of(new MailQueue.Failure(failing, "SMTP down", false)),
                Duration.ofMinutes(5), 8);

        assertThat(queue.due(10)).isEmpty();
        assertThat(queue.pending()).singleElement().satisfies(mail -> {
            assertThat(mail.registrationId()).isEqualTo(failing.registrationId());
            assertThat(mail.attempts()).isEqualTo(1);
        });
        assertThat(bucketNames()).containsExactly(MailQueue.bucketName(clock.millis() + Duration.ofMinutes(5).toMillis()));
        clock.advance(Duration.ofMinutes(6));
        assertThat(queue.due(10)).singleElement().satisfies(mail -> assertThat(mail.attempts()).isEqualTo(1));
    }

    @Test
    void aRetryDueWithinTheSameMinuteStaysWhereItIs() {
        enqueue("r1");
        QueuedMail mail = queue.due(1).get(0);

        queue.settle(List.of(), List.of(new MailQueue.Failure(mail, "SMTP down", false)), Duration.ofMillis(10), 8);
        clock.advance(Duration.ofMillis(20));

        assertThat(queue.due(1)).singleElement().satisfies(again -> assertThat(again.attempts()).isEqualTo(1));
    }

    @Test
    void entriesOfAnEarlierVersionDirectlyUnderPendingAreSentOnceTheUpdateTaskBucketedThem() {
        repository.write(session -> {
            Node entry = session.getNode(MailQueue.PENDING).addNode("mlegacy", "oak:Unstructured");
            entry.setProperty("kind", "CONFIRMATION");
            entry.setProperty("registration", "old");
            entry.setProperty("siteUrl", "https://example.org");
            entry.setProperty("attempts", 0L);
            entry.setProperty("created", clock.millis());
            entry.setProperty("due", clock.millis());
            return null;
        });
        assertThat(repository.write(MailQueue::bucketEntriesOfEarlierVersions)).isEqualTo(1);
        assertThat(bucketNames()).isNotEmpty();
        enqueue("new");

        List<QueuedMail> batch = queue.due(10);
        assertThat(batch).extracting(QueuedMail::registrationId).containsExactlyInAnyOrder("old", "new");
        queue.settle(batch, List.of(), Duration.ofMinutes(1), 8);
        assertThat(queue.pending()).isEmpty();
    }

    private List<String> bucketNames() {
        return repository.read(session -> {
            List<String> names = new java.util.ArrayList<>();
            for (var it = session.getNode(MailQueue.PENDING).getNodes(); it.hasNext(); ) {
                names.add(it.nextNode().getName());
            }
            return names;
        });
    }
}
