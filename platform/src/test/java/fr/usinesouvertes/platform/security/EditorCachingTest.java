package fr.usinesouvertes.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import io.micrometer.core.instrument.FunctionCounter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP: answers to requests carrying a back-office session are {@code private, no-store} and bypass the
 * Delivery API's cache, so a logged-in editor sees a publication at once; anonymous visitors keep their headers.
 */
class EditorCachingTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static AdminBrowser editor;

    @BeforeAll
    static void site() {
        PLATFORM.platform().repository().write(session -> {
            var page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/standard");
            page.setProperty("title", "Avant la publication");
            var news = session.getNode("/news").addNode("annonce", "mgnl:content");
            news.setProperty("title", "Annonce");
            return null;
        });
        PLATFORM.publish("website", "/site");
        PLATFORM.publish("news", "/annonce");
        editor = PLATFORM.staff();
    }

    @Test
    void anonymousVisitorsKeepTheirCacheHeaders() {
        HttpResponse<String> page = PLATFORM.get("/");
        HttpResponse<String> delivery = PLATFORM.get("/.rest/delivery/news/v1/annonce");
        HttpResponse<String> styles = PLATFORM.get("/admin/static/admin.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, must-revalidate");
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(delivery.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(styles.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
    }

    @Test
    void aLoggedInEditorsAnswersAreNeverStored() {
        HttpResponse<String> page = editor.get("/");
        HttpResponse<String> missing = editor.get("/pas-de-page-ici");
        HttpResponse<String> delivery = editor.get("/.rest/delivery/news/v1/annonce");
        HttpResponse<String> admin = editor.get("/admin/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Cache-Control")).containsExactly("private, no-store");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Cache-Control")).containsExactly("private, no-store");
        assertThat(delivery.statusCode()).isEqualTo(200);
        assertThat(delivery.headers().allValues("Cache-Control")).containsExactly("private, no-store");
        assertThat(admin.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    }

    @Test
    void anEditorSeesWhatTheyJustPublishedAtOnce() {
        assertThat(editor.get("/").body()).contains("Avant la publication");
        editor.get("/admin/pages/properties?path=%2Fsite");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Après la publication");
        form.put("title_en", "");
        assertThat(editor.post("/admin/pages/properties?path=%2Fsite", form).statusCode()).isEqualTo(303);
        assertThat(editor.get("/").body()).contains("Avant la publication"); // saved, not yet published

        assertThat(editor.post("/admin/pages/publishing", Map.of("path", "/site", "action", "publish")).statusCode())
                .isEqualTo(303);

        HttpResponse<String> after = editor.get("/");
        assertThat(after.body()).contains("Après la publication");
        assertThat(after.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    }

    @Test
    void anEditorsDeliveryRequestsNeitherReadNorFillTheServerCache() {
        String path = "/.rest/delivery/news/v1/annonce?lang=fr";
        double hits = gets("hit");
        double misses = gets("miss");

        editor.get(path);
        editor.get(path);
        assertThat(gets("hit")).isEqualTo(hits);
        assertThat(gets("miss")).isEqualTo(misses);

        PLATFORM.get(path);
        PLATFORM.get(path);
        assertThat(gets("miss")).isEqualTo(misses + 1);
        assertThat(gets("hit")).isEqualTo(hits + 1);
    }

    private static double gets(String result) {
        FunctionCounter counter = PLATFORM.platform().metrics().registry().find("cache.gets")
                .tag("cache", "delivery.answers").tag("result", result).functionCounter();
        assertThat(counter).as("cache.gets{cache=delivery.answers,result=" + result + "}").isNotNull();
        return counter.count();
    }
}
