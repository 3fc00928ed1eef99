package fr.usinesouvertes.events;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;

/** The platform with the repository's site light module and the events module, in memory, during the 2026 public sign-up. */
public final class SeedSitePlatform {

    private SeedSitePlatform() {
    }

    /** Clock fixed on 10 February 2026 (every 2026 sign-up window open), registration rate limit off. */
    public static PlatformExtension duringSignUp() {
        return PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
                .inMemory()
                .setting("clock", "2026-02-10T10:00:00+01:00")
                .setting("registration-rate-limit", "0")
                .modules(new EventsModule());
    }
}
