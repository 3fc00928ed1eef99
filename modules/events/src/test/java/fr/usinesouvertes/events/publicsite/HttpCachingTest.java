package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ETag, Last-Modified and Cache-Control over real HTTP on pages, feeds, web resources and Delivery
 * answers: 304 while nothing changed, a fresh 200 after a repository change.
 */
class HttpCachingTest {

    private static final String PAGE = "/salle-de-presse";
    private static final String RELEASE = "/press-releases/" + PressRoomTest.NEWEST;

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00")
            .modules(new EventsModule());

    @Test
    void pagesRevalidateWithETagOrLastModifiedAndChangeWhenContentChanges() throws Exception {
        HttpResponse<String> first = PLATFORM.get(PAGE);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, must-revalidate");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(PLATFORM.get(PAGE, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(PLATFORM.get(PAGE, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);

        awaitNextSecond(lastModified); // Last-Modified has a resolution of one second
        renameNewestRelease("Titre changé par la rédaction");

        // observation reaches the caches a moment later
        HttpResponse<String> changed = await().atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get(PAGE, "If-None-Match", etag), answer -> answer.statusCode() == 200);
        assertThat(changed.body()).contains("Titre changé par la rédaction");
        assertThat(PLATFORM.get(PAGE, "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        assertThat(ZonedDateTime.parse(changed.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME)).isAfter(ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME));
        String feed = PLATFORM.get("/feeds/salle-de-presse.rss").body();
        assertThat(feed).contains("Titre changé par la rédaction");
    }

    @Test
    void errorPagesAreNotCachedPublicly() {
        HttpResponse<String> missing = PLATFORM.get("/nulle-part");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void fingerprintedStylesheetIsImmutableOthersAnHour() {
        String home = PLATFORM.get("/").body();
        Matcher css = Pattern.compile("href=\"(/\\.resources/usines-ouvertes/webresources/css/site\\.css\\?v=[0-9a-z]+)\"").matcher(home);
        assertThat(css.find()).as("fingerprinted stylesheet link in " + home).isTrue();
        HttpResponse<String> fingerprinted = PLATFORM.get(css.group(1));
        assertThat(fingerprinted.statusCode()).isEqualTo(200);
        assertThat(fingerprinted.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        HttpResponse<String> plain = PLATFORM.get("/.resources/usines-ouvertes/webresources/css/site.css");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(PLATFORM.get("/.resources/usines-ouvertes/webresources/css/site.css?v=stale").headers()
                .firstValue("Cache-Control")).hasValue("public, max-age=3600");
        String lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(PLATFORM.get("/.resources/usines-ouvertes/webresources/css/site.css", "If-Modified-Since", lastModified)
                .statusCode()).isEqualTo(304);
    }

    @Test
    void deliveryAnswersCarryLastModifiedAndHonourIfModifiedSince() throws Exception {
        String path = "/.rest/delivery/press-releases/v1/" + PressRoomTest.NEWEST;
        HttpResponse<String> first = PLATFORM.get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(PLATFORM.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(PLATFORM.get(path, "If-None-Match", first.headers().firstValue("ETag").orElseThrow()).statusCode())
                .isEqualTo(304);
        assertThat(PLATFORM.get(path, "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);

        awaitNextSecond(lastModified);
        renameNewestRelease("Autre titre");
        HttpResponse<String> changed = await().atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get(path, "If-Modified-Since", lastModified), answer -> answer.statusCode() == 200);
        assertThat(changed.body()).contains("Autre titre");
    }

    private static void renameNewestRelease(String title) {
        PLATFORM.platform().repository().write(session -> {
            session.getNode(RELEASE).setProperty("title", title);
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "press-releases", "/" + PressRoomTest.NEWEST, false);
    }

    /** Waits until the system clock is past the second of {@code lastModified} (an HTTP date), so a change shows. */
    private static void awaitNextSecond(String lastModified) {
        long second = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() / 1000 > second);
    }
}
