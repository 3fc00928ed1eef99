package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;

/** Reads and saves editions in the repository's {@value EditionNodes#WORKSPACE} workspace. */
public final class EditionStore {

    private final ContentRepository repository;
    private final ZoneId zone;
    private volatile Snapshot snapshot;

    /** @param zone the site's time zone, in which the editions' days are dates */
    public EditionStore(ContentRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(EditionNodes.WORKSPACE));
            return null;
        });
    }

    public Optional<Edition> find(int year) {
        return all().stream().filter(edition -> edition.year() == year).findFirst();
    }

    /** The edition one of whose days is {@code day}, e.g. the edition of a slot. */
    public Optional<Edition> editionOf(java.time.LocalDate day) {
        return all().stream().filter(edition -> edition.day(day).isPresent()).findFirst();
    }

    /**
     * Every edition, oldest first. Read at every registration, so kept between calls until a commit changes
     * the {@code editions} tree (whoever writes it: this store, an import, another cluster node).
     */
    public List<Edition> all() {
        Snapshot current = snapshot;
        long changes = repository.changeCount(EditionNodes.WORKSPACE); // before reading: a change meanwhile rereads
        if (current != null && current.changes() == changes) {
            return current.editions();
        }
        List<Edition> editions = List.copyOf(repository.read(session -> {
            List<Edition> read = new ArrayList<>();
            for (NodeIterator it = session.getNode("/" + EditionNodes.WORKSPACE).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:content")) {
                    read.add(EditionNodes.read(node, zone));
                }
            }
            read.sort((a, b) -> Integer.compare(a.year(), b.year()));
            return read;
        }));
        snapshot = new Snapshot(changes, editions);
        return editions;
    }

    /** The editions as read when the {@code editions} tree had seen {@code changes} commits. */
    private record Snapshot(long changes, List<Edition> editions) {
    }

    public void save(Edition edition) {
        repository.write(session -> EditionNodes.write(session.getNode("/" + EditionNodes.WORKSPACE), edition, zone));
    }
}
