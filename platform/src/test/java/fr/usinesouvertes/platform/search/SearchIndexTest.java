package fr.usinesouvertes.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

    @TempDir
    Path folder;

    /** Indexes the title of every node under /notes. */
    private static final SearchDocumentSource NOTES = (session, sink) -> {
        if (!session.nodeExists("/notes")) {
            return;
        }
        for (NodeIterator nodes = session.getNode("/notes").getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            Document document = new Document();
            document.add(new TextField("title", node.getProperty("title").getString(), Field.Store.YES));
            sink.accept(document);
        }
    };

    @Test
    void followsRepositoryChangesAndRebuildsWithProgress() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());
             SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50,
                     Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), java.time.ZoneOffset.UTC)), repository, NOTES)) {
            repository.write(session -> {
                Node notes = session.getRootNode().addNode("notes", "nt:unstructured");
                notes.addNode("a", "nt:unstructured").setProperty("title", "Visite de l'usine d'Électronique");
                return null;
            });
            awaitUntil(() -> hits(index, "electron") == 1);

            repository.write(session -> {
                session.getNode("/notes/a").remove();
                return null;
            });
            awaitUntil(() -> hits(index, "electron") == 0);

            SearchStatus status = index.rebuild();
            assertThat(status.rebuilding()).isFalse();
            assertThat(status.done()).isEqualTo(status.total()).isZero();
            assertThat(status.lastRebuild()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
            assertThat(status.lastError()).isNull();
        }
    }

    @Test
    void isNotToldOfChangesInTreesExcludedFromChangeNotifications() throws Exception {
        java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SearchDocumentSource recording = new SearchDocumentSource() {
            @Override
            public void readAll(javax.jcr.Session session, java.util.function.Consumer<Document> sink)
                    throws javax.jcr.RepositoryException {
                NOTES.readAll(session, sink);
            }

            @Override
            public boolean concerns(String path) {
                asked.add(path);
                return true;
            }
        };
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            repository.excludeFromChangeNotifications("queue");
            try (SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50, Clock.systemUTC()),
                    repository, recording)) {
                repository.write(session -> {
                    session.getRootNode().addNode("queue", "nt:unstructured").addNode("entry", "nt:unstructured");
                    return null;
                });
                repository.write(session -> {
                    session.getRootNode().addNode("notes", "nt:unstructured").addNode("a", "nt:unstructured")
                            .setProperty("title", "Électronique");
                    return null;
                });
                awaitUntil(() -> hits(index, "electron") == 1); // events arrive in commit order: the queue's came first

                assertThat(asked).anyMatch(path -> path.startsWith("/notes"));
                assertThat(asked).noneMatch(path -> path.startsWith("/queue"));
            }
        }
    }

    private static long hits(SearchIndex index, String term) {
        return index.search(searcher -> (long) searcher.count(new TermQuery(new Term("title", term))));
    }

    private static void awaitUntil(BooleanSupplier condition) {
        await("condition met within 10 s").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
