package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.annotation.PluginApi;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;

/**
 * What a module contributes to a search index: every document to index, read from the repository.
 * The index calls it for full rebuilds, and, when it names an {@link #idField()}, for the documents
 * affected by each repository change.
 */
@PluginApi
public interface SearchDocumentSource {

    /** Calls {@code sink} once per document to index; only public content belongs in an index. */
    void readAll(Session session, Consumer<Document> sink) throws RepositoryException;

    /**
     * Whether a change at {@code path} may concern this index at all; changes elsewhere (registrations,
     * the mail queue, sessions…) are ignored without reading the repository. {@code true} for every path
     * by default. A source without {@link #idField()} should narrow it: each change it concerns rebuilds
     * the whole index.
     */
    default boolean concerns(String path) {
        return true;
    }

    /**
     * The stored keyword field that identifies a document, for incremental updates; {@code null}
     * (the default) means every change rebuilds the whole index.
     */
    default String idField() {
        return null;
    }

    /**
     * The ids of the documents a change at {@code path} may affect (empty: none); {@code null} when
     * they cannot be told, which rebuilds the whole index. Called with the repository after the change.
     */
    default Set<String> affectedIds(Session session, String path) throws RepositoryException {
        return null;
    }

    /** The current document with this id, or empty when it no longer belongs in the index. */
    default Optional<Document> read(Session session, String id) throws RepositoryException {
        return Optional.empty();
    }

    /** How the facet fields of the documents are configured (multi-valued dimensions…). */
    default FacetsConfig facetsConfig() {
        return new FacetsConfig();
    }
}
