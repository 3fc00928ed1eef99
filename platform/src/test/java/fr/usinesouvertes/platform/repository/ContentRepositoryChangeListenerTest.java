package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Session;
import org.junit.jupiter.api.Test;

class ContentRepositoryChangeListenerTest {

    @Test
    void listenersHearWritesAtOnceAndOtherCommitsThroughObservation() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            AtomicInteger changes = new AtomicInteger();
            repository.addChangeListener(changes::incrementAndGet);

            repository.write(session -> session.getNode("/website").addNode("home", "mgnl:page"));
            assertThat(changes.get()).isPositive(); // synchronously, before write() returns

            int before = changes.get();
            Session session = repository.loginSystem();
            try {
                session.getNode("/website").addNode("other", "mgnl:page");
                session.save();
            } finally {
                session.logout();
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (changes.get() == before && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(changes.get()).isGreaterThan(before);
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
