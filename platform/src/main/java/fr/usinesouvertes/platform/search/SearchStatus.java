package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Instant;

/**
 * Where an index stands: {@code rebuilding} with its progress ({@code done} of {@code total}
 * documents), the number of searchable documents and when the last rebuild ended.
 */
@PluginApi
public record SearchStatus(String index, boolean rebuilding, long done, long total, long documents,
                           Instant lastRebuild, long lastRebuildMillis, String lastError) {
}
