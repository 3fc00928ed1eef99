package fr.usinesouvertes.platform.search;

import java.time.Instant;

/**
 * Where an index stands: {@code rebuilding} with its progress ({@code done} of {@code total}
 * documents), the number of searchable documents and when the last rebuild ended.
 */
public record SearchStatus(String index, boolean rebuilding, long done, long total, long documents,
                           Instant lastRebuild, long lastRebuildMillis, String lastError) {
}
