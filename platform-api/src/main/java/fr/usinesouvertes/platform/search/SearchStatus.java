package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Instant;

/**
 * Where an index stands: {@code rebuilding} with its progress ({@code done} of {@code total}
 * documents), the number of searchable documents, when the last rebuild since start ended ({@code null} when the
 * index was resumed from its last commit), and whether it is {@code current}: built, or caught up with the changes
 * made while the node was down, since start.
 */
@PluginApi
public record SearchStatus(String index, boolean rebuilding, long done, long total, long documents,
                           Instant lastRebuild, long lastRebuildMillis, String lastError,
                           boolean current) {
}
