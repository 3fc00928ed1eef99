package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public site as it will be at a chosen time: what is published now plus what is scheduled until then. */
class PreviewAtTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0").setting("clock", "2026-02-10T10:00:00+01:00");

    @Test
    void theSiteAtAFutureTimeShowsWhatIsScheduledUntilThenAndNothingIsSaved() {
        PLATFORM.platform().repository().write(session -> {
            var site = session.getNode("/website").addNode("site", "mgnl:page");
            site.setProperty("mgnl:template", "authoring-test:pages/standard");
            site.setProperty("title", "Accueil");
            var embargo = site.addNode("embargo", "mgnl:page");
            embargo.setProperty("mgnl:template", "authoring-test:pages/standard");
            embargo.setProperty("title", "Communiqué sous embargo");
            var old = site.addNode("ancienne", "mgnl:page");
            old.setProperty("mgnl:template", "authoring-test:pages/standard");
            old.setProperty("title", "Ancienne page");
            return null;
        });
        Publishing publishing = PLATFORM.platform().publishing();
        publishing.publish("setup", "website", "/site", false);
        publishing.publish("setup", "website", "/site/ancienne", false);
        Instant tenOClock = Instant.parse("2026-02-11T09:00:00Z"); // 11 February, 10:00 in Paris
        publishing.schedule("setup", "website", "/site/embargo", Publishing.Action.PUBLISH, tenOClock, false);
        publishing.schedule("setup", "website", "/site/ancienne", Publishing.Action.UNPUBLISH, tenOClock, false);
        AdminBrowser editor = PLATFORM.staff();

        HttpResponse<String> before = editor.get("/admin/pages/preview-at?path=%2Fsite%2Fembargo&at=2026-02-11T09:59");
        assertThat(before.statusCode()).isEqualTo(404);
        HttpResponse<String> after = editor.get("/admin/pages/preview-at?path=%2Fsite%2Fembargo&at=2026-02-11T10:00");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(after.body()).select("h1").text()).isEqualTo("Communiqué sous embargo");
        assertThat(after.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(editor.get("/admin/pages/preview-at?path=%2Fsite%2Fancienne&at=2026-02-11T09:59").statusCode())
                .isEqualTo(200);
        assertThat(editor.get("/admin/pages/preview-at?path=%2Fsite%2Fancienne&at=2026-02-12T00:00").statusCode())
                .as("unpublished at its time").isEqualTo(404);

        assertThat(PLATFORM.get("/embargo").statusCode()).as("nothing was published").isEqualTo(404);
        assertThat(PLATFORM.get("/ancienne").statusCode()).as("nothing was unpublished").isEqualTo(200);
        assertThat(publishing.scheduled()).hasSize(2);

        assertThat(editor.get("/admin/pages/preview-at?path=%2Fsite&at=demain").statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(editor.get("/admin/pages/page?path=%2Fsite").body()).select("form.preview-at input[name=at]"))
                .hasSize(1);
    }
}
