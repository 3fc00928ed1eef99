package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.RenderedPage;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.element;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageRendererTest {

    private static ContentRepository repository;
    private static PageRenderer renderer;
    private static String assetId;

    /** A module's templating functions, as a Java module would contribute them. */
    public static final class EventFunctions {
        public String hello(String who) {
            return "Bonjour " + who;
        }
    }

    @BeforeAll
    static void createSite() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        assetId = SiteContent.create(repository);
        Definitions definitions = new Definitions();
        LightModuleOrigins origins = new LightModuleOrigins(RenderingFixtures.LIGHT_MODULES, Map.of());
        TemplateEngine engine = new TemplateEngine(origins, definitions);
        definitions.replace(SiteContent.registry());
        renderer = new PageRenderer(repository, definitions, engine,
                new WebResources(origins, PageRendererTest.class.getClassLoader()),
                () -> Map.of("eventsfn", new EventFunctions()));
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    private static String render(String path) {
        RenderedPage page = renderer.render(path, Map.of("q", new String[] {"usine"}));
        assertThat(page.status()).as("status of %s: %s", path, page.html()).isEqualTo(200);
        return page.html();
    }

    @Test
    void rendersTheRootPageWithItsContextObjects() {
        String html = render("/");
        assertThat(text(html, "title")).isEqualTo("Accueil");
        assertThat(text(html, "name")).isEqualTo("home|home|/home|1|mgnl:page");
        assertThat(text(html, "date")).isEqualTo("20 mars 2026");
        assertThat(text(html, "values")).isEqualTo("industrie;visites;|mgnl:area|Premier");
        assertThat(text(html, "lang")).isEqualTo("fr|fr|fr_FR|fr_FR");
        assertThat(text(html, "param")).isEqualTo("usine||/");
        assertThat(text(html, "def")).isEqualTo("Page home|blue|test-site:pages/home");
        assertThat(text(html, "modes")).isEqualTo("false|false|true|false");
        assertThat(html).contains("<html lang=\"fr\">");
    }

    @Test
    void rendersListAreasSkippingFailedAndUnknownComponents() {
        String main = element(render("/"), "main");
        assertThat(main).contains("Premier").contains("Troisième");
        assertThat(main).doesNotContain("broken");
        assertThat(main.indexOf("Premier")).isLessThan(main.indexOf("Troisième"));
    }

    @Test
    void singleAreaRendersOnlyItsFirstComponent() {
        String hero = element(render("/"), "hero");
        assertThat(hero).contains("Héros").doesNotContain("Second");
    }

    @Test
    void areaScriptGetsItsComponentsAndPassesContextAttributes() {
        String aside = element(render("/"), "aside");
        assertThat(aside).contains("data-count=\"2\"");
        assertThat(aside).contains("A/L0").contains("B/L1");
    }

    @Test
    void componentsRenderTheirOwnAreas() {
        assertThat(render("/boxes")).contains("<section class=\"box\"><div class=\"text\">Dans la boîte</div>");
    }

    @Test
    void areaWithoutNodeRendersEmptyAndCreatesNothing() throws Exception {
        assertThat(element(render("/"), "empty")).isBlank();
        boolean created = repository.read(session -> session.nodeExists("/website/home/empty"));
        assertThat(created).isFalse();
    }

    @Test
    void textIsEscapedButDecodedRichTextIsSanitisedHtml() {
        assertThat(render("/escape")).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        String body = element(render("/"), "body");
        assertThat(body).contains("<p>Texte <b>riche</b></p>").contains(">lien</a>");
        assertThat(body).doesNotContain("<script").doesNotContain("onclick").doesNotContain("javascript:");
    }

    @Test
    void messagesAndLocalisedPropertiesFollowTheLanguagePrefix() {
        String french = render("/");
        assertThat(text(french, "i18n")).isEqualTo("Bienvenue|400 usines|missing.key");
        String english = render("/en");
        assertThat(text(english, "title")).isEqualTo("Home");
        assertThat(text(english, "i18n")).isEqualTo("Welcome|400 factories|missing.key");
        assertThat(text(english, "lang")).isEqualTo("en|en|en_GB|en_GB");
        assertThat(text(english, "date")).isEqualTo("20 March 2026");
        assertThat(element(english, "children")).contains("href=\"/en/news\"");
        assertThat(render("/en/news.html")).contains("Actualités");
    }

    @Test
    void childrenAreListedWithCleanLinks() {
        String children = element(render("/"), "children");
        assertThat(children).contains("<a href=\"/news\">Actualités</a>").contains("<a href=\"/press\">Presse</a>");
    }

    @Test
    void inheritedAreasTakeAncestorComponentsByPolicy() {
        String html = render("/news/2026");
        String footer = text(html, "footer");
        assertThat(footer).contains("Pied racine").contains("Pied actualités").contains("Pied 2026");
        assertThat(footer.indexOf("Pied racine")).isLessThan(footer.indexOf("Pied actualités"));
        assertThat(footer.indexOf("Pied actualités")).isLessThan(footer.indexOf("Pied 2026"));
        assertThat(text(html, "promo")).contains("Promo partagée").doesNotContain("Promo privée");
        assertThat(text(html, "inherited")).isEqualTo("Ensemble");
    }

    @Test
    void detailPageShowsTheItemNamedByTheLastSegment() {
        String html = render("/press/fevrier");
        assertThat(text(html, "item")).isEqualTo("Communiqué de février|fevrier|/2026/fevrier");
        assertThat(text(html, "items")).contains("/press/juillet");
        assertThat(renderer.render("/press/inconnu", Map.of()).status()).isEqualTo(404);
        assertThat(renderer.render("/news/fevrier", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void templatingFunctionsWork() {
        String html = render("/functions");
        assertThat(text(html, "byPath")).isEqualTo("Accueil|Actualités|false");
        assertThat(text(html, "byId")).isEqualTo("Accueil|/home|false");
        assertThat(text(html, "parent")).isEqualTo("Accueil|/home|/home/functions|/home");
        assertThat(text(html, "ancestors")).isEqualTo("/home;");
        assertThat(text(html, "link")).isEqualTo("/functions|/|/news/2026");
        String link = "/dam/jcr:" + assetId + "/logo.svg";
        assertThat(text(html, "asset")).isEqualTo(link + "|Logo des Journées|image/svg+xml|" + link + "|false");
        assertThat(text(html, "nav")).contains("/home|escape:false:false;news:false:false;")
                .contains("functions:true:false;").doesNotContain("hidden");
        assertThat(text(html, "site")).isEqualTo("usines|fr_FR;en;|/.resources/test-site/webresources/css/site.css;");
        assertThat(text(html, "misc")).isEqualTo("svg|Journées…|https://usinesouvertes.fr|test-site:pages/functions|?b=1#c");
        assertThat(html).contains("<p id=\"attr\" data-x=\"a&quot;b\">");
        assertThat(text(html, "modules")).isEqualTo("Bonjour usine");
        assertThat(text(html, "itemLinks")).isEqualTo("/.rest/delivery/events/v1/salon|/press/juillet|/|false");
        assertThat(text(html, "localized")).isEqualTo("fr=/functions;en=/en/functions;");
        assertThat(text(html, "family")).isEqualTo("escape;news;press;hidden;broken;nodef;boxes;modelled;|/|false|false|"
                + "Pied racine;Pied actualités;Pied 2026;");
    }

    @Test
    void resfnWritesMarkupForMatchingWebResources() {
        String html = render("/");
        assertThat(html).contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"/.resources/test-site/webresources/css/print.css\"/>")
                .contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"/.resources/test-site/webresources/css/site.css\"/>")
                .contains("<script src=\"/.resources/test-site/webresources/js/app.js\"></script>");
    }

    @Test
    void pageTemplateFailureOrMissingDefinitionGivesAPlainServerError() {
        RenderedPage broken = renderer.render("/broken", Map.of());
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.html()).contains("Page indisponible").doesNotContain("Exception").doesNotContain("nothing");
        assertThat(renderer.render("/nodef", Map.of()).status()).isEqualTo(500);
    }

    @Test
    void unsupportedModelClassRendersWithoutModelAndAFailingAreaScriptRendersEmpty() {
        String html = render("/modelled");
        assertThat(text(html, "model")).isEqualTo("false");
        assertThat(element(html, "bad")).isBlank();
        assertThat(text(html, "after")).isEqualTo("after");
    }

    @Test
    void unknownPathsAreNotFound() {
        assertThat(renderer.render("/nothing/here", Map.of()).status()).isEqualTo(404);
        assertThat(renderer.render("/main", Map.of()).status()).isEqualTo(404); // an area, not a page
        assertThat(renderer.render("/news/..", Map.of()).status()).isEqualTo(404);
    }
}
