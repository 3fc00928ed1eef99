package fr.usinesouvertes.events.directory;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.util.function.Predicate;

/** Polling of pages for tests of other packages: the search index follows repository changes a moment later. */
public final class DirectoryTestPages {

    private DirectoryTestPages() {
    }

    /** Polls {@code path} (a page or an API answer) until it matches, for 20 seconds at most. */
    public static void await(PlatformExtension platform, String path, Predicate<String> condition) {
        DirectoryFunctionsTest.awaitPage(platform, path, condition);
    }
}
