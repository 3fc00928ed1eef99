package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.CorsRule;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Site definitions read from a light module in Magnolia's format ({@code src/test/resources/sites/travel-spa}): the
 * site's root page, pages outside it, front-end (SPA) pages and the site's CORS rules, over real HTTP.
 */
class SitesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/sites"))
            .inMemory();

    private static final String FRONT_END = "http://localhost:3000";

    @BeforeAll
    static void publish() {
        PLATFORM.publishAll();
    }

    private static DefinitionRegistry registry() {
        return PLATFORM.platform().definitions().current();
    }

    @Test
    void readsTheSiteDefinition() {
        SiteDefinition site = registry().site("localhost").orElseThrow();
        assertThat(site.name()).isEqualTo("travel");
        assertThat(site.rootPath()).isEqualTo("/travel");
        assertThat(site.languages().enabled()).isTrue();
        assertThat(site.languages().locales()).containsExactly("en", "de_CH");
        assertThat(site.languages().defaultLocale()).isEqualTo("en");
        assertThat(site.cors()).extracting(CorsRule::name).containsExactly("spa", "careless");
        CorsRule spa = site.cors().get(0);
        assertThat(spa.covers("/.rest/delivery/pages/v1/travel")).isTrue();
        assertThat(spa.covers("/travel/about")).isFalse();
        assertThat(spa.maxAgeSeconds()).isEqualTo(600);
    }

    @Test
    void theSitesTemplatePrototypeGivesEveryPageTemplateItsAreasUnlessATemplateDisablesOne() {
        assertThat(registry().template("travel-spa:pages/home").orElseThrow().areas().get("footer").availableComponents())
                .containsExactly("travel-spa:components/teaser");
        assertThat(registry().template("travel-spa:pages/spa").orElseThrow().areas()).containsKey("footer");
        assertThat(registry().template("travel-spa:pages/unbuilt").orElseThrow().areas()).doesNotContainKey("footer");
    }

    @Test
    void credentialsForAnyOriginAreRefusedWithAProblemNamingTheRule() {
        CorsRule careless = registry().site("localhost").orElseThrow().cors().get(1);
        assertThat(careless.supportsCredentials()).isFalse();
        assertThat(registry().problems()).filteredOn(p -> "travel-spa:travel".equals(p.definitionId()))
                .extracting(Problem::reason)
                .containsExactly("cors 'careless': supportsCredentials is refused with allowedOrigins '*'; "
                        + "name the origins allowed to send credentials");
    }

    @Test
    void cmsfnSearchRunsAStatementOfTheWorkspaceOnThePublishedPagesOnly() {
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node draft = session.getNode("/website/travel").addNode("draft", "mgnl:page");
            draft.setProperty("mgnl:template", "travel-spa:pages/home");
            draft.setProperty("title", "A draft");
            return null;
        });
        try {
            String home = PLATFORM.get("/").body();
            // the statement's path is the workspace's; the draft, never published, is not found
            assertThat(home).contains("<p id=\"search\">About us;</p>")
                    .contains("<p id=\"search-type\">/travel/about;</p>");
        } finally {
            PLATFORM.platform().repository().write(session -> {
                session.getNode("/website/travel/draft").remove();
                return null;
            });
        }
    }

    @Test
    void theSiteRootIsThePageNamedLikeTheSiteNotTheFirstPage() {
        HttpResponse<String> home = PLATFORM.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Travel home</h1>").contains("<p id=\"site\">travel</p>")
                .contains("<p id=\"pages\">About us;</p>") // cmsfn.contentListByTemplateId: the pages below
                // the theme's image variations: small (480 wide) and hero (1200) are the 800 and 1600 renditions
                .contains("<p id=\"renditions\">/dam/jcr:3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01/w800/logo.png;"
                        + "/dam/jcr:3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01/w1600/logo.png;"
                        + "/dam/jcr:3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01/logo.png</p>");
        assertThat(PLATFORM.get("/about").body()).contains("<h1>About us</h1>");
        // the site's own pages have one address, without the root's name
        assertThat(PLATFORM.get("/travel/about").statusCode()).isEqualTo(404);
    }

    @Test
    void pageUrlsCarryThePrefixOfEachConfiguredLocale() {
        HttpResponse<String> swiss = PLATFORM.get("/de_CH");
        assertThat(swiss.statusCode()).isEqualTo(200);
        assertThat(swiss.headers().firstValue("Content-Language")).hasValue("de-CH");
        assertThat(swiss.body()).contains("<h1>Reisen</h1>", "<p id=\"current\">true</p>",
                "<p id=\"links\">en=/;de_CH=/de_CH;</p>", "<p id=\"greeting\">Grüezi</p>");
        // a message the module has in German only shows in German rather than as its key
        assertThat(PLATFORM.get("/").body()).contains("<p id=\"current\">false</p>", "<p id=\"greeting\">Grüezi</p>");
        // the IETF spelling names the same locale; a page without a German title falls back to the default one
        assertThat(PLATFORM.get("/de-ch/about").body()).contains("<h1>About us</h1>");
        assertThat(PLATFORM.get("/").headers().firstValue("Content-Language")).hasValue("en");
        // a disabled locale and an unconfigured one are not prefixes
        assertThat(PLATFORM.get("/it").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/fr/about").statusCode()).isEqualTo(404);
    }

    @Test
    void magnoliaFieldLayoutsAreNoProblemAndUnimplementedFeaturesAreReported() {
        assertThat(registry().problems()).noneMatch(p -> "travel-spa:components/teaser".equals(p.definitionId()));
        assertThat(registry().problems()).filteredOn(p -> "travel-spa:visitor".equals(p.definitionId()))
                .extracting(Problem::reason).containsExactly(
                        "unsupported: personalization traits (traits/) are not implemented; the definition is not read");
    }

    @Test
    void theDeliveryApiAnswersInTheSitesLocalesWithoutListingTheVariants() {
        String path = "/.rest/delivery/pages/v1/travel";
        assertThat(PLATFORM.get(path).body()).contains("\"title\":\"Travel home\"").doesNotContain("title_de_CH");
        assertThat(PLATFORM.get(path + "?lang=de-CH").body()).contains("\"title\":\"Reisen\"")
                .doesNotContain("title_de_CH");
        assertThat(PLATFORM.get(path, "Accept-Language", "de-CH, en;q=0.5").body()).contains("\"title\":\"Reisen\"");
        // French is no locale of this site: its default language answers
        assertThat(PLATFORM.get(path, "Accept-Language", "fr-FR").body()).contains("\"title\":\"Travel home\"");
    }

    @Test
    void virtualUriMappingsRedirectOrForward() {
        HttpResponse<String> redirect = PLATFORM.get("/about-us.html");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/about"));
        HttpResponse<String> permanent = PLATFORM.get("/moved");
        assertThat(permanent.statusCode()).isEqualTo(301);
        assertThat(permanent.headers().firstValue("Location")).hasValue("/about");
        HttpResponse<String> forward = PLATFORM.get("/go/about");
        assertThat(forward.statusCode()).isEqualTo(200);
        assertThat(forward.body()).contains("<h1>About us</h1>");
        // a target built from the path stays on the site
        HttpResponse<String> escape = PLATFORM.get("/out//evil.example");
        assertThat(escape.statusCode()).isEqualTo(302);
        assertThat(escape.headers().firstValue("Location").orElseThrow()).doesNotContain("//evil.example");
        assertThat(registry().problems()).filteredOn(p -> "travel-spa:broken".equals(p.definitionId()))
                .extracting(Problem::reason).singleElement().asString().startsWith("fromUri is not a regular expression");
    }

    @Test
    void theRootOfTheSiteIsProtectedAndOtherTreesAreNot() {
        PLATFORM.platform().repository().read(session -> {
            assertThat(SiteRoot.isSiteRoot(session.getNode("/website/travel"), registry())).isTrue();
            assertThat(SiteRoot.isSiteRoot(session.getNode("/website/aaa-react"), registry())).isFalse();
            return null;
        });
    }

    @Test
    void aPageTemplateOfRenderTypeSiteRendersAsThePrototypeSays() {
        assertThat(registry().template("travel-spa:pages/site-rendered").orElseThrow().renderType()).isEqualTo("freemarker");
        assertThat(registry().problems()).noneMatch(p -> "travel-spa:pages/site-rendered".equals(p.definitionId()));
    }

    @Test
    void newPagesOfTheSiteOfferTheTemplatesItsAvailabilityNamesAndOtherTreesEveryVisibleOne() {
        var pages = new fr.usinesouvertes.platform.admin.authoring.pages.PageOperations(SitesTest::registry,
                java.time.Clock.systemUTC());
        PLATFORM.platform().repository().read(session -> {
            assertThat(pages.templatesFor(session, "/travel")).extracting(t -> t.id())
                    .containsExactlyInAnyOrder("travel-spa:pages/home", "travel-spa:pages/spa");
            assertThat(pages.templatesFor(session, "/travel/about")).extracting(t -> t.id())
                    .doesNotContain("travel-spa:pages/unbuilt");
            assertThat(pages.templatesFor(session, "/aaa-react")).extracting(t -> t.id())
                    .contains("travel-spa:pages/unbuilt");
            return null;
        });
    }

    @Test
    void aFrontEndPageOutsideTheRootIsServedByItsPathAsItsBuiltIndexHtml() {
        HttpResponse<String> react = PLATFORM.get("/aaa-react");
        assertThat(react.statusCode()).isEqualTo(200);
        assertThat(react.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWithIgnoringCase("text/html"));
        // served as it is: the script's ${...} is not a FreeMarker interpolation
        assertThat(react.body()).contains("<div id=\"root\"></div>")
                .contains("`${window.location.origin}/.rest/delivery/pages/v1`");
        assertThat(PLATFORM.get("/aaa-react.html").statusCode()).isEqualTo(200);
    }

    @Test
    void aFrontEndPageWithoutABuiltIndexSaysWhereItIsShownInsteadOfFailing() {
        HttpResponse<String> vue = PLATFORM.get("/aaa-react/vue");
        assertThat(vue.statusCode()).isEqualTo(200);
        assertThat(vue.body()).contains("<h1>Vue demo</h1>").contains("front-end application").contains("<a href=\"/\">");
    }

    @Test
    void aPreflightFromTheFrontEndIsAnsweredWithTheRule() {
        HttpResponse<String> preflight = options("/.rest/delivery/pages/v1/travel", FRONT_END, "GET", "Accept, Content-Type");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, OPTIONS");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Accept, Content-Type");
        assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("600");
        assertThat(preflight.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherMethodOrHeaderIsRefused() {
        assertThat(options("/.rest/delivery/pages/v1/travel", "https://evil.example", "GET", null).statusCode())
                .isEqualTo(403);
        assertThat(options("/.rest/delivery/pages/v1/travel", FRONT_END, "DELETE", null).statusCode()).isEqualTo(403);
        HttpResponse<String> header = options("/.rest/delivery/pages/v1/travel", FRONT_END, "GET", "X-Secret");
        assertThat(header.statusCode()).isEqualTo(403);
        assertThat(header.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theFrontEndReadsTheDeliveryApiAcrossOrigins() {
        HttpResponse<String> pages = PLATFORM.get("/.rest/delivery/pages/v1/travel", "Origin", FRONT_END);
        assertThat(pages.statusCode()).isEqualTo(200);
        assertThat(pages.body()).contains("\"title\"").contains("Travel home");
        assertThat(pages.headers().firstValue("Access-Control-Allow-Origin")).hasValue(FRONT_END);
        assertThat(pages.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(pages.headers().firstValue("Access-Control-Expose-Headers")).hasValue("ETag");
        assertThat(pages.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Origin"));
    }

    @Test
    void anotherOriginOrAnUncoveredPathGetsNoCorsHeaders() {
        HttpResponse<String> evil = PLATFORM.get("/.rest/delivery/pages/v1/travel", "Origin", "https://evil.example");
        assertThat(evil.statusCode()).isEqualTo(200);
        assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> page = PLATFORM.get("/about", "Origin", FRONT_END);
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(PLATFORM.get("/.rest/delivery/pages/v1/travel").headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private static HttpResponse<String> options(String path, String origin, String method, String headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(PLATFORM.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return PLATFORM.send(request.build());
    }
}
