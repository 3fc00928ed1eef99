package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The settings the platform itself understands; modules declare theirs through their descriptor. */
@PluginApi
public final class CoreSettings {

    public static final SettingDefinition<Integer> PORT =
            SettingDefinition.integer("port", "HTTP port (0 picks a free one)", "8080", 0, 65535);
    public static final SettingDefinition<Path> DATA = new SettingDefinition<>("data",
            "Folder holding the repository, search index and outbox", "data", CoreSettings::path);
    public static final SettingDefinition<Path> LIGHT_MODULES = new SettingDefinition<>("light-modules",
            "Folder of light modules (YAML and FreeMarker), watched for changes", "light-modules", CoreSettings::path);
    public static final SettingDefinition<String> HOST = SettingDefinition.text("host",
            "Interface to listen on", "0.0.0.0");

    public static final SettingDefinition<Clock> CLOCK = new SettingDefinition<>("clock",
            "Start the platform's clock at this instant, e.g. 2026-02-10T10:00:00+01:00 (demos, rehearsals): time "
                    + "then runs at the normal pace from it", null, CoreSettings::startingClock);

    public static final SettingDefinition<String> PUBLIC_URL = SettingDefinition.text("public-url",
            "Public address of the site, for absolute URLs (canonical and Open Graph tags, sitemap, feeds, e-mail "
                    + "links, structured data), e.g. https://journees-usines-ouvertes.fr; when unset, the address each "
                    + "request came to (http://localhost:<port> locally)", null);

    public static final SettingDefinition<ZoneId> TIME_ZONE = new SettingDefinition<>("time-zone",
            "The site's time zone, e.g. Europe/Paris: a date typed in the back office means that day there, and pages, "
                    + "the Delivery API and e-mails show dates in it, whatever the server's own time zone",
            "Europe/Paris", CoreSettings::zone);

    public static final SettingDefinition<String> CONTENT_SECURITY_POLICY = SettingDefinition.text(
            "content-security-policy", "Content-Security-Policy header of every answer; the default allows scripts, "
                    + "styles, images and fonts from the site itself only (no inline script) and no framing by other "
                    + "sites; widen it only for what a light module's templates load from elsewhere",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'");

    private CoreSettings() {
    }

    /**
     * The core settings, the cluster's and the operations' (metrics, logs); mail and security declare theirs in their own packages, and
     * {@code PlatformLauncher.platformSettings()} gathers every one the platform reads.
     */
    public static List<SettingDefinition<?>> all() {
        List<SettingDefinition<?>> all = new ArrayList<>(List.of(PORT, DATA, LIGHT_MODULES, HOST, CLOCK, TIME_ZONE, PUBLIC_URL,
                CONTENT_SECURITY_POLICY));
        all.addAll(ClusterSettings.all());
        all.addAll(OperationsSettings.all());
        return List.copyOf(all);
    }

    /**
     * A clock that reads {@code value} now and runs on from it: rate limits refill, links expire and
     * scheduled publications fire as they would in production (tests that need "now" frozen pass their own clock).
     */
    static Clock startingClock(String value) {
        try {
            OffsetDateTime instant = OffsetDateTime.parse(value.trim());
            Clock system = Clock.system(instant.getOffset());
            return Clock.offset(system, Duration.between(system.instant(), instant.toInstant()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date-time like 2026-02-10T10:00:00+01:00");
        }
    }

    static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time zone like Europe/Paris");
        }
    }

    static Path path(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        try {
            return Path.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not a valid path");
        }
    }
}
