package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;

/** Reads and saves editions in the repository's {@value EditionNodes#WORKSPACE} workspace. */
public final class EditionStore {

    private final ContentRepository repository;

    public EditionStore(ContentRepository repository) {
        this.repository = repository;
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(EditionNodes.WORKSPACE));
            return null;
        });
    }

    public Optional<Edition> find(int year) {
        return repository.read(session -> {
            String path = "/" + EditionNodes.WORKSPACE + "/" + year;
            return session.nodeExists(path) ? Optional.of(EditionNodes.read(session.getNode(path))) : Optional.empty();
        });
    }

    /** The edition one of whose days is {@code day}, e.g. the edition of a slot. */
    public Optional<Edition> editionOf(java.time.LocalDate day) {
        return all().stream().filter(edition -> edition.day(day).isPresent()).findFirst();
    }

    /** Every edition, oldest first. */
    public List<Edition> all() {
        return repository.read(session -> {
            List<Edition> editions = new ArrayList<>();
            for (NodeIterator it = session.getNode("/" + EditionNodes.WORKSPACE).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:content")) {
                    editions.add(EditionNodes.read(node));
                }
            }
            editions.sort((a, b) -> Integer.compare(a.year(), b.year()));
            return editions;
        });
    }

    public void save(Edition edition) {
        repository.write(session -> EditionNodes.write(session.getNode("/" + EditionNodes.WORKSPACE), edition));
    }
}
