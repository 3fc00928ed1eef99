package fr.usinesouvertes.platform.health;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchIndexes;
import java.time.Clock;
import java.time.Duration;

/** The platform's own readiness checks: {@code repository}, {@code search}, and {@code cluster-leases} on a shared store. */
public final class PlatformChecks {

    /** The repository check writes at most this often. */
    public static final Duration REPOSITORY_WRITE_INTERVAL = Duration.ofSeconds(5);

    private PlatformChecks() {
    }

    public static void register(Readiness readiness, ContentRepository repository, SearchIndexes searchIndexes,
                                ClusterJobs clusterJobs) {
        readiness.register("repository", new RepositoryCheck(repository, Clock.systemUTC(), REPOSITORY_WRITE_INTERVAL));
        readiness.register("search", new SearchCheck(searchIndexes));
        if (repository.backend().shared()) {
            readiness.register("cluster-leases", new ClusterLeaseCheck(clusterJobs));
        }
    }
}
