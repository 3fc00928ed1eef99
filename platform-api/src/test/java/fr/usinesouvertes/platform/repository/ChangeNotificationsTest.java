package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeNotificationsTest {

    @TempDir
    Path data;
    private ContentRepository repository;
    private final AtomicInteger notified = new AtomicInteger();

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new SegmentStoreBackend(data));
        repository.excludeFromChangeNotifications("registrations");
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, java.util.List.of("website", "registrations"));
            return null;
        });
        repository.addChangeListener(notified::incrementAndGet);
        notified.set(0);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private void add(String workspace, String name) {
        repository.write(session -> session.getNode("/" + workspace).addNode(name, "mgnl:contentNode"));
    }

    @Test
    void aWriteToPublicContentIsAnnouncedBeforeWriteReturns() {
        add("website", "page");

        assertThat(notified.get()).isPositive();
    }

    @Test
    void writesOnlyUnderAnExcludedOrInternalTreeAreNotAnnounced() throws Exception {
        add("registrations", "r1");
        repository.write(session -> session.getNode("/config").addNode("lease", "mgnl:contentNode"));
        // JCR observation, which also reports these commits, is asynchronous: nothing may arrive for a while
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> notified.get() == 0);
    }

    @Test
    void countsTheCommitsThatChangedEachTopLevelTreeAnnouncedOrNot() {
        long website = repository.changeCount("website");
        long registrations = repository.changeCount("registrations");

        add("website", "a");
        add("registrations", "r");
        repository.write(session -> {
            session.getNode("/registrations").addNode("r3", "mgnl:contentNode");
            return session.getNode("/website").addNode("b", "mgnl:contentNode");
        });

        assertThat(repository.changeCount("website")).isEqualTo(website + 2);
        assertThat(repository.changeCount("registrations")).isEqualTo(registrations + 2);
        assertThat(repository.changeCount("nothing-here")).isZero();
    }

    @Test
    void aCommitTouchingBothIsAnnounced() {
        repository.write(session -> {
            session.getNode("/registrations").addNode("r2", "mgnl:contentNode");
            return session.getNode("/website").addNode("other", "mgnl:contentNode");
        });

        assertThat(notified.get()).isPositive();
    }
}
