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

    /** Indexes the notes under /notes by name, updating only the notes that changed; counts its full reads. */
    private static final class NotesById implements SearchDocumentSource {
        final java.util.concurrent.atomic.AtomicInteger fullReads = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void readAll(javax.jcr.Session session, java.util.function.Consumer<Document> sink)
                throws javax.jcr.RepositoryException {
            fullReads.incrementAndGet();
            if (session.nodeExists("/notes")) {
                for (NodeIterator nodes = session.getNode("/notes").getNodes(); nodes.hasNext(); ) {
                    sink.accept(document(nodes.nextNode()));
                }
            }
        }

        @Override
        public String idField() {
            return "id";
        }

        @Override
        public java.util.Set<String> affectedIds(javax.jcr.Session session, String path) {
            String[] parts = path.split("/");
            return parts.length > 2 && parts[1].equals("notes") ? java.util.Set.of(parts[2]) : java.util.Set.of();
        }

        @Override
        public java.util.Optional<Document> read(javax.jcr.Session session, String id)
                throws javax.jcr.RepositoryException {
            String path = "/notes/" + id;
            return session.nodeExists(path) ? java.util.Optional.of(document(session.getNode(path)))
                    : java.util.Optional.empty();
        }

        private static Document document(Node node) throws javax.jcr.RepositoryException {
            Document document = new Document();
            document.add(new org.apache.lucene.document.StringField("id", node.getName(), Field.Store.YES));
            document.add(new TextField("title", node.getProperty("title").getString(), Field.Store.YES));
            return document;
        }
    }

    @Test
    void restartsFromItsLastCommitAndReadsOnlyWhatChangedWhileItWasClosed() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            writeNote(repository, "a", "Chaudronnerie");
            writeNote(repository, "b", "Plasturgie");
            try (SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50, Clock.systemUTC()),
                    repository, new NotesById())) {
                awaitUntil(() -> index.status().current());
                assertThat(titled(index, "Chaudronnerie")).isEqualTo(1);
            }
            // while the index is closed (the node is down)
            writeNote(repository, "c", "Aéronautique");
            writeNote(repository, "b", "Fonderie");
            repository.write(session -> {
                session.getNode("/notes/a").remove();
                return null;
            });

            NotesById source = new NotesById();
            try (SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50, Clock.systemUTC()),
                    repository, source)) {
                awaitUntil(() -> index.status().current());
                assertThat(titled(index, "Aéronautique")).isEqualTo(1);
                assertThat(titled(index, "Fonderie")).isEqualTo(1);
                assertThat(titled(index, "Plasturgie")).isZero();
                assertThat(titled(index, "Chaudronnerie")).isZero();
                assertThat(source.fullReads).hasValue(0);
                assertThat(index.status().lastRebuild()).isNull();

                writeNote(repository, "d", "Agroalimentaire"); // and it follows changes from there
                awaitUntil(() -> titled(index, "Agroalimentaire") == 1);
                assertThat(source.fullReads).hasValue(0);
            }
        }
    }

    @Test
    void rebuildsInFullWhenTheCheckpointOfItsLastCommitIsGone() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            writeNote(repository, "a", "Chaudronnerie");
            try (SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50, Clock.systemUTC()),
                    repository, new NotesById())) {
                awaitUntil(() -> index.status().current());
            }
            String checkpoint;
            try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(folder)) {
                checkpoint = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData()
                        .get(SearchIndex.CHECKPOINT_KEY);
            }
            assertThat(checkpoint).isNotNull();
            repository.checkpoints().release(checkpoint); // as when it expires while the node is down
            writeNote(repository, "b", "Fonderie");

            NotesById source = new NotesById();
            try (SearchIndex index = new SearchIndex(new SearchIndex.Options("notes", folder, 50, Clock.systemUTC()),
                    repository, source)) {
                awaitUntil(() -> index.status().current());
                assertThat(source.fullReads).hasValue(1);
                assertThat(titled(index, "Fonderie")).isEqualTo(1);
                assertThat(titled(index, "Chaudronnerie")).isEqualTo(1);
            }
        }
    }

    private static void writeNote(ContentRepository repository, String name, String title) {
        repository.write(session -> {
            Node notes = session.nodeExists("/notes") ? session.getNode("/notes")
                    : session.getRootNode().addNode("notes", "nt:unstructured");
            Node note = notes.hasNode(name) ? notes.getNode(name) : notes.addNode(name, "nt:unstructured");
            note.setProperty("title", title);
            return null;
        });
    }

    /** The documents whose title has {@code word}, analysed as the index analyses titles. */
    private static long titled(SearchIndex index, String word) {
        try (var tokens = SearchAnalyzers.perField().tokenStream("title", word)) {
            var term = tokens.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            tokens.reset();
            tokens.incrementToken();
            String analysed = term.toString();
            tokens.end();
            return hits(index, analysed);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
