package fr.usinesouvertes.platform.search;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;

/**
 * What a module contributes to a search index: every document to index, read from the repository.
 * The index calls it for full rebuilds, at start and (debounced) after repository changes.
 */
public interface SearchDocumentSource {

    /** Calls {@code sink} once per document to index; only public content belongs in an index. */
    void readAll(Session session, Consumer<Document> sink) throws RepositoryException;

    /** How the facet fields of the documents are configured (multi-valued dimensions…). */
    default FacetsConfig facetsConfig() {
        return new FacetsConfig();
    }
}
