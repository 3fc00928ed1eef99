package fr.usinesouvertes.platform.rendering;

import static fr.usinesouvertes.platform.rendering.RenderingFixtures.area;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.asset;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.component;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.node;
import static fr.usinesouvertes.platform.rendering.RenderingFixtures.page;

import fr.usinesouvertes.platform.definition.Definition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.MessageCatalog;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** The test site shared by the rendering tests: definitions and content. */
final class SiteContent {

    private SiteContent() {
    }

    static DefinitionRegistry registry() {
        return DefinitionRegistry.builder()
                .template(page("home", Map.of("color", "blue"),
                        area("main", "list", null, null),
                        area("hero", "single", null, null),
                        area("aside", "list", "aside.ftl", null),
                        area("empty", "list", null, null)))
                .template(page("section", Map.of(),
                        area("footer", "list", null, "all"),
                        area("promo", "list", null, "filtered")))
                .template(page("press", Map.of("detailWorkspace", "press-releases")))
                .template(page("functions", Map.of()))
                .template(page("broken", Map.of()))
                .template(page("notfound", Map.of()))
                .template(new TemplateDefinition("test-site:pages/modelled", TemplateDefinition.Kind.PAGE, "Modelled",
                        null, RenderingFixtures.MODULE + "pages/modelled.ftl", "freemarker", null, true,
                        Map.of("bad", area("bad", "list", "broken-area.ftl", null)), Map.of(),
                        "info.magnolia.module.jsmodels.rendering.JavascriptRenderingModel", Map.of()))
                .endpoint(new DeliveryEndpointDefinition("test-site:delivery/events_v1", "delivery/events/v1", "events", "/",
                        0, List.of(), List.of(), false, false, List.of(), 10, 1, false, true, List.of(), Map.of()))
                .template(new TemplateDefinition("test-site:components/box", TemplateDefinition.Kind.COMPONENT, "Box",
                        null, RenderingFixtures.MODULE + "components/box.ftl", "freemarker", null, true,
                        Map.of("items", area("items", "list", null, null)), Map.of(), null, Map.of()))
                .template(component("text"))
                .template(component("broken"))
                .template(component("teaser"))
                .definition(new Definition("test-site:usines", DefinitionType.SITE, "sites/usines.yaml", site()))
                .site(new SiteDefinition("test-site:usines", "usines", "/home", List.of(),
                        SiteDefinition.SiteLanguages.DEFAULT, List.of(), site()))
                .definition(new Definition("test-site:plain", DefinitionType.THEME, "themes/plain.yaml", Map.of(
                        "cssFiles", Map.of("main", Map.of("link", "/.resources/test-site/webresources/css/site.css")))))
                .messages(new MessageCatalog(Map.of(
                        "fr", Map.of("site.welcome", "Bienvenue", "site.count", "{0} usines"),
                        "en", Map.of("site.welcome", "Welcome", "site.count", "{0} factories"))))
                .build();
    }

    private static Map<String, Object> site() {
        return Map.of("theme", Map.of("name", "plain"), "i18n", Map.of("locales", locales()),
                "mappings", Map.of("website", Map.of("repository", "website", "handlePrefix", "/home")));
    }

    private static Map<String, Object> locales() {
        Map<String, Object> locales = new java.util.LinkedHashMap<>();
        locales.put("fr", Map.of("language", "fr", "country", "FR"));
        locales.put("en", Map.of("language", "en"));
        return locales;
    }

    /** Creates the test site; returns the identifier of its asset. */
    static String create(ContentRepository repository) {
        return repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of("press-releases", "events"));
            GregorianCalendar date = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
            date.clear();
            date.set(2026, 2, 20, 9, 0);
            page(session, "/home", "home", "title", "Accueil", "title_en", "Home", "date", date, "slogan", "Ensemble", "tags", new String[] {"industrie", "visites"},
                    "body", "<p>Texte <b>riche</b></p><script>alert('x')</script><a href=\"javascript:evil()\" onclick=\"evil()\">lien</a>");
            component(session, "/home/main/0", "text", "text", "Premier");
            component(session, "/home/main/1", "broken");
            component(session, "/home/main/2", "text", "text", "Troisième");
            component(session, "/home/main/3", "missing");
            component(session, "/home/hero/0", "text", "text", "Héros");
            component(session, "/home/hero/1", "text", "text", "Second héros");
            component(session, "/home/aside/0", "teaser", "title", "A");
            component(session, "/home/aside/1", "teaser", "title", "B");
            component(session, "/home/footer/0", "teaser", "title", "Pied racine");
            component(session, "/home/promo/0", "teaser", "title", "Promo partagée", "inheritable", true);
            component(session, "/home/promo/1", "teaser", "title", "Promo privée");
            page(session, "/home/escape", "home", "title", "<script>alert(1)</script>");
            page(session, "/home/news", "section", "title", "Actualités");
            component(session, "/home/news/footer/0", "teaser", "title", "Pied actualités");
            page(session, "/home/news/2026", "section", "title", "Actualités 2026");
            component(session, "/home/news/2026/footer/0", "teaser", "title", "Pied 2026");
            page(session, "/home/press", "press", "title", "Presse");
            node(session, "/events/salon", "mgnl:contentNode", "title", "Salon");
            node(session, "/press-releases/2026", "mgnl:folder");
            node(session, "/press-releases/2026/fevrier", "mgnl:contentNode", "title", "Communiqué de février");
            node(session, "/press-releases/juillet", "mgnl:contentNode", "title", "Communiqué de juillet");
            node(session, "/dam/logos", "mgnl:folder");
            String assetId = asset(session, "/logos/logo", "logo.svg", "image/svg+xml",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "Logo des Journées");
            page(session, "/home/functions", "functions", "title", "Fonctions", "image", "jcr:" + assetId,
                    "website", "usinesouvertes.fr");
            page(session, "/home/hidden", "home", "title", "Cachée", "hideInNav", true);
            page(session, "/home/broken", "broken", "title", "Cassée");
            page(session, "/home/nodef", "unknown", "title", "Sans modèle");
            page(session, "/home/boxes", "section", "title", "Boîtes");
            component(session, "/home/boxes/footer/0", "box");
            component(session, "/home/boxes/footer/0/items/0", "text", "text", "Dans la boîte");
            page(session, "/home/modelled", "modelled", "title", "Avec modèle");
            component(session, "/home/modelled/bad/0", "teaser", "title", "Dans une aire cassée");
            return assetId;
        });
    }
}
