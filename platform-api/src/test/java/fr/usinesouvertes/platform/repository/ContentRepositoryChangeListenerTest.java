package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

class ContentRepositoryChangeListenerTest {

    @Test
    void listenersHearWritesBeforeWriteReturns() {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            AtomicInteger changes = new AtomicInteger();
            repository.addChangeListener(changes::incrementAndGet);
            repository.write(session -> session.getNode("/website").addNode("home", "mgnl:page"));
            assertThat(changes.get()).isPositive();
        }
    }

    @Test
    void listenersHearOtherCommitsThroughObservation() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            AtomicInteger changes = new AtomicInteger();
            repository.addChangeListener(changes::incrementAndGet);
            Session session = repository.loginSystem();
            try {
                session.getNode("/website").addNode("other", "mgnl:page");
                session.save(); // not through write(): only observation can tell
            } finally {
                session.logout();
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(changes.get()).isPositive());
        }
    }

    @Test
    void aWriteThatChangesNothingNotifiesNobodySynchronously() {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            AtomicInteger changes = new AtomicInteger();
            repository.addChangeListener(changes::incrementAndGet);
            repository.write(session -> session.nodeExists("/website"));
            assertThat(changes.get()).isZero();
        }
    }
}
