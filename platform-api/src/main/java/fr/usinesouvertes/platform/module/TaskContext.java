package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import javax.jcr.Session;

/** What an install or update task works with; changes made in {@link #session()} are saved together. */
public interface TaskContext {

    Session session();

    ContentRepository repository();

    DefinitionRegistry definitions();

    /** The version installed before this run, or {@code null} on a fresh install. */
    String installedVersion();
}
