package fr.usinesouvertes.platform.repository;

import java.time.Duration;
import java.util.Locale;

/**
 * What one revision garbage collection did: whether it completed (Oak may skip or cancel it), the store's size before
 * and after (-1 where the store does not measure it, as PostgreSQL), how long it took, and the store's own figures.
 */
public record RevisionGcReport(String store, boolean completed, long bytesBefore, long bytesAfter, Duration duration,
                               String details) {

    /**
     * One line for logs, the command line and the back office, e.g. {@code segment store: 139.2 MB → 37.9 MB (−73 %) in
     * 12.4 s; 812 segments left}.
     */
    public String summary() {
        String seconds = String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        if (!completed) {
            return store + ": not completed after " + seconds + " — " + details;
        }
        if (bytesBefore < 0) {
            return store + ": " + details + " in " + seconds;
        }
        long change = bytesBefore == 0 ? 0 : Math.round(100.0 * (bytesAfter - bytesBefore) / bytesBefore);
        return store + ": " + megabytes(bytesBefore) + " → " + megabytes(bytesAfter) + " ("
                + (change > 0 ? "+" + change : "−" + -change) + " %) in " + seconds
                + (details.isEmpty() ? "" : "; " + details);
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
