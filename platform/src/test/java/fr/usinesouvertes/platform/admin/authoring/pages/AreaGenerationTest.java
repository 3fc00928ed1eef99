package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Magnolia's area autoGeneration (CopyGenerator) when an editor creates a page, over real HTTP. */
class AreaGenerationTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/generation-modules")).inMemory()
            .setting("login-rate-limit", "0");

    @Test
    void aNewPageStartsWithTheComponentsItsTemplateGeneratesAndTheirOwnGeneratedAreas() {
        AdminBrowser editor = PLATFORM.staff();
        editor.get("/admin/pages/");
        assertThat(editor.post("/admin/pages/new", Map.of("parent", "/", "name", "accueil", "title", "Accueil",
                "template", "gen:pages/landing")).statusCode()).isEqualTo(303);
        PLATFORM.platform().repository().read(session -> {
            javax.jcr.Node intro = session.getNode("/website/accueil/main/intro");
            assertThat(intro.getPrimaryNodeType().getName()).isEqualTo("mgnl:component");
            assertThat(intro.getProperty("mgnl:template").getString()).isEqualTo("gen:components/teaser");
            assertThat(intro.getProperty("title").getString()).isEqualTo("Bienvenue");
            assertThat(intro.getProperty("tags").getValues()).hasSize(2);
            assertThat(intro.getProperty("order").getLong()).isEqualTo(1L);
            assertThat(session.getNode("/website/accueil/main/layout/left/first").getProperty("title").getString())
                    .isEqualTo("Colonne gauche");
            return null;
        });
        Document preview = Jsoup.parse(editor.get("/admin/pages/preview?path=%2Faccueil").body());
        assertThat(preview.select("p.teaser").eachText()).isEqualTo(List.of("Bienvenue", "Colonne gauche"));
        assertThat(PLATFORM.platform().definitions().current().problems())
                .noneMatch(p -> p.definitionId() != null && p.definitionId().startsWith("gen:"));
    }
}
