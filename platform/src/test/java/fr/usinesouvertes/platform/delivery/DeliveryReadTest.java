package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.ReferenceDefinition;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryReadTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    static final ReferenceDefinition IMAGE = new ReferenceDefinition("assetReference", "image", "asset", "dam",
            List.of("960x720", "480x360"));
    static final ReferenceDefinition RELATED = new ReferenceDefinition("pageReference", "related", "jcr", "website",
            List.of());
    static final ReferenceDefinition SEE_ALSO = new ReferenceDefinition("seeAlso", "seeAlso", "jcr", "website",
            List.of());

    @BeforeAll
    static void content() {
        DeliveryFixtures.createSite(PLATFORM.platform().repository());
        PLATFORM.publishAll();
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .endpoint(endpoint("delivery/pages/v1", "website").depth(2).nodeTypes("mgnl:page")
                        .childNodeTypes("mgnl:area", "mgnl:component").systemProperties("mgnl:template")
                        .references(IMAGE).build())
                .endpoint(endpoint("delivery/pages/v1/news-only", "website").rootPath("/home")
                        .nodeTypes("mgnl:page").build())
                .endpoint(endpoint("delivery/system/v1", "website").nodeTypes("mgnl:page")
                        .includeSystemProperties(true).build())
                .endpoint(endpoint("delivery/system-listed/v1", "website").nodeTypes("mgnl:page")
                        .includeSystemProperties(true).systemProperties("mgnl:created").build())
                .endpoint(endpoint("delivery/strict/v1", "website").depth(1).nodeTypes("mgnl:page")
                        .childNodeTypes("mgnl:contentNode").strict(true).build())
                .endpoint(endpoint("delivery/loose/v1", "website").depth(1).nodeTypes("mgnl:page")
                        .childNodeTypes("mgnl:contentNode").build())
                .endpoint(endpoint("delivery/refs/v1", "website").nodeTypes("mgnl:page")
                        .references(RELATED, SEE_ALSO).referenceDepth(-1).referenceRepeat(false).build())
                .endpoint(endpoint("delivery/refs-once/v1", "website").nodeTypes("mgnl:page")
                        .references(RELATED, SEE_ALSO).referenceDepth(1).build())
                .endpoint(endpoint("delivery/home/v1", "website").rootPath("/home").nodeTypes("mgnl:page").build())
                .build());
    }

    @Test
    void readsANodeWithItsChildrenToDepthInMagnoliasShape() {
        HttpResponse<String> response = PLATFORM.get("/.rest/delivery/pages/v1/home");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode home = json(response.body());
        String body = response.body();
        for (String[] id : PLATFORM.platform().repository().read(session -> new String[][] {
                {session.getNode("/dam/photos/usine").getIdentifier(), "ASSET"},
                {session.getNode("/website/about").getIdentifier(), "ABOUT"},
                {session.getNode("/website/home/news").getIdentifier(), "NEWS"}})) {
            body = body.replace(id[0], id[1]);
        }
        JsonNode expected = DeliveryFixtures.resource("home-depth2.json");
        assertThat(DeliveryFixtures.withoutIds(json(body))).isEqualTo(expected);
        assertThat(home.get("@id").asText()).matches("[0-9a-f-]{36}");
        assertThat(home.at("/main/@nodes").toString()).isEqualTo("[\"01\",\"00\"]");
    }

    @Test
    void resolvesAnAssetReferenceWithMetadataAndRenditions() {
        JsonNode image = json(PLATFORM.get("/.rest/delivery/pages/v1/home").body()).get("image");
        String id = image.get("@id").asText();
        assertThat(id).startsWith("jcr:"); // the DAM's asset id, as Magnolia's asset resolver
        assertThat(image.get("@path").asText()).isEqualTo("/photos/usine");
        assertThat(image.get("@link").asText()).isEqualTo("/dam/" + id + "/usine.jpg");
        assertThat(image.at("/metadata/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(image.at("/metadata/width").asLong()).isEqualTo(800);
        assertThat(image.at("/metadata/caption").asText()).isEqualTo("Une usine ouverte");
        assertThat(image.at("/metadata/width").isNumber()).isTrue();
        assertThat(image.at("/renditions/960x720/link").asText()).isEqualTo("/.imaging/960x720/" + id + "/usine.jpg");
        assertThat(image.at("/renditions/480x360/mimeType").asText()).isEqualTo("image/jpeg");
    }

    @Test
    void getChildrenAnswersAPlainArrayOfChildNodes() {
        HttpResponse<String> response = PLATFORM.get("/.rest/delivery/pages/v1/home@nodes");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode children = json(response.body());
        assertThat(children.isArray()).isTrue();
        assertThat(children).extracting(n -> n.get("@name").asText()).containsExactly("main", "news", "events");
        assertThat(children.get(1).get("@path").asText()).isEqualTo("/home/news");
        assertThat(children.get(1).get("tags").toString()).isEqualTo("[\"presse\",\"2026\"]");
        JsonNode roots = json(PLATFORM.get("/.rest/delivery/pages/v1/@nodes").body());
        assertThat(roots).extracting(n -> n.get("@name").asText()).containsExactly("home", "about");
    }

    @Test
    void longestEndpointPrefixWins() {
        JsonNode news = json(PLATFORM.get("/.rest/delivery/pages/v1/news-only/news").body());
        assertThat(news.get("@path").asText()).isEqualTo("/home/news");
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/news-only").body()).get("total").asInt()).isEqualTo(2);
        JsonNode underHome = json(PLATFORM.get("/.rest/delivery/home/v1/events").body());
        assertThat(underHome.get("title").asText()).isEqualTo("Agenda");
    }

    @Test
    void langPicksTheLocalizedValueAndHidesVariants() {
        JsonNode english = json(PLATFORM.get("/.rest/delivery/pages/v1/home?lang=en").body());
        assertThat(english.get("title").asText()).isEqualTo("Home");
        assertThat(english.has("title_en")).isFalse();
        JsonNode newsInEnglish = json(PLATFORM.get("/.rest/delivery/pages/v1/home/news?lang=en").body());
        assertThat(newsInEnglish.get("title").asText()).isEqualTo("Actualités"); // fallback to the stored default

        JsonNode french = json(PLATFORM.get("/.rest/delivery/pages/v1/home", "Accept-Language", "fr-FR,fr;q=0.9").body());
        assertThat(french.get("title").asText()).isEqualTo("Accueil");
        assertThat(french.has("title_en")).isFalse();

        JsonNode header = json(PLATFORM.get("/.rest/delivery/pages/v1/home", "Accept-Language", "en-GB,en;q=0.8").body());
        assertThat(header.get("title").asText()).isEqualTo("Home");

        // a language the site does not have, or none at all: the site's default language, without the variants
        JsonNode unsupported = json(PLATFORM.get("/.rest/delivery/pages/v1/home", "Accept-Language", "de-DE").body());
        assertThat(unsupported.get("title").asText()).isEqualTo("Accueil");
        assertThat(unsupported.has("title_en")).isFalse();
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/home").body()).has("title_en")).isFalse();

        JsonNode all = json(PLATFORM.get("/.rest/delivery/pages/v1/home?lang=all", "Accept-Language", "en").body());
        assertThat(all.get("title_en").asText()).isEqualTo("Home");
    }

    @Test
    void systemPropertiesFollowTheWhitelistOrTheSwitch() {
        JsonNode listed = json(PLATFORM.get("/.rest/delivery/pages/v1/home").body());
        assertThat(listed.get("mgnl:template").asText()).isEqualTo("site:pages/home");
        assertThat(listed.has("mgnl:created")).isFalse();
        assertThat(listed.has("mgnl:createdBy")).isFalse();
        assertThat(listed.has("jcr:created")).isFalse();

        JsonNode all = json(PLATFORM.get("/.rest/delivery/system/v1/home").body());
        assertThat(all.get("mgnl:created").asText()).isEqualTo("2026-01-05T08:50:23.426Z");
        assertThat(all.get("mgnl:createdBy").asText()).isEqualTo("admin");
        assertThat(all.get("jcr:created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(all.has("jcr:primaryType")).isFalse();
        assertThat(all.has("jcr:uuid")).isFalse();
        assertThat(all.has("jcr:mixinTypes")).isFalse();
        assertThat(all.get("@nodeType").asText()).isEqualTo("mgnl:page");

        JsonNode whitelisted = json(PLATFORM.get("/.rest/delivery/system-listed/v1/home").body());
        assertThat(whitelisted.get("mgnl:created").asText()).isEqualTo("2026-01-05T08:50:23.426Z");
        assertThat(whitelisted.has("mgnl:createdBy")).isFalse(); // the list wins over the switch
        assertThat(whitelisted.has("jcr:created")).isFalse();
    }

    @Test
    void childNodeTypesRespectStrict() {
        JsonNode strict = json(PLATFORM.get("/.rest/delivery/strict/v1/home").body());
        assertThat(strict.get("@nodes").size()).isZero(); // mgnl:area is a subtype of mgnl:contentNode, not it
        JsonNode loose = json(PLATFORM.get("/.rest/delivery/loose/v1/home").body());
        assertThat(loose.get("@nodes").toString()).isEqualTo("[\"main\"]");
    }

    @Test
    void aNodeOutsideTheEndpointsNodeTypesIsNotFound() {
        // nodeTypes mgnl:page, childNodeTypes exactly mgnl:contentNode: an area is neither
        HttpResponse<String> area = PLATFORM.get("/.rest/delivery/strict/v1/home/main");
        assertThat(area.statusCode()).isEqualTo(404);
        assertThat(json(area.body()).get("code").asText()).isEqualTo("pathNotFound");
    }

    @Test
    void anAreaOrAComponentReadsThroughAPagesEndpoint() {
        HttpResponse<String> area = PLATFORM.get("/.rest/delivery/pages/v1/home/main");
        assertThat(area.statusCode()).isEqualTo(200);
        JsonNode main = json(area.body());
        assertThat(main.get("@nodeType").asText()).isEqualTo("mgnl:area");
        assertThat(main.get("@nodes").toString()).isEqualTo("[\"01\",\"00\"]");
        JsonNode component = json(PLATFORM.get("/.rest/delivery/pages/v1/home/main/00").body());
        assertThat(component.get("text").asText()).isEqualTo("<p>Bonjour</p>");
    }

    @Test
    void jcrReferencesResolveWithoutLoopsOrRepeats() {
        JsonNode home = json(PLATFORM.get("/.rest/delivery/refs/v1/home").body());
        JsonNode seeAlso = home.get("seeAlso");
        assertThat(seeAlso.get(0).get("@path").asText()).isEqualTo("/home/news");
        assertThat(seeAlso.get(2).asText()).isEqualTo("gone-uuid"); // unresolvable: raw
        // /about is referenced twice (related, seeAlso[1]): resolved once, raw the second time
        JsonNode first = home.get("related").isObject() ? home.get("related") : seeAlso.get(1);
        JsonNode second = home.get("related").isObject() ? seeAlso.get(1) : home.get("related");
        assertThat(first.get("@path").asText()).isEqualTo("/about");
        assertThat(second.asText()).isEqualTo(first.get("@id").asText());
        assertThat(first.get("related").asText()).isEqualTo(home.get("@id").asText()); // back to home: never a loop
        assertThat(home.get("secret").asText()).isEqualTo("not a reference");
    }

    @Test
    void referenceDepthLimitsNestedResolutionAndRepeatAllowsTwice() {
        JsonNode home = json(PLATFORM.get("/.rest/delivery/refs-once/v1/home").body());
        JsonNode about = home.get("related");
        assertThat(about.get("@path").asText()).isEqualTo("/about");
        assertThat(about.get("related").isTextual()).isTrue();
        assertThat(home.get("seeAlso").get(1).get("@path").asText()).isEqualTo("/about"); // repeat allowed

        JsonNode aboutTop = json(PLATFORM.get("/.rest/delivery/refs/v1/about").body());
        JsonNode homeNested = aboutTop.get("related");
        assertThat(homeNested.get("@path").asText()).isEqualTo("/home");
        assertThat(homeNested.get("seeAlso").get(0).get("@path").asText()).isEqualTo("/home/news"); // depth -1
    }

    @Test
    void referencesStoredAsPathsResolveInsideTheTargetWorkspaceOnly() {
        JsonNode about = json(PLATFORM.get("/.rest/delivery/refs-once/v1/about").body());
        JsonNode seeAlso = about.get("seeAlso");
        assertThat(seeAlso.get(0).get("@path").asText()).isEqualTo("/home/events");
        assertThat(seeAlso.get(1).asText()).isEqualTo("/home/../../personal");
        assertThat(seeAlso.get(2).asText()).isEqualTo("/nowhere");
    }

    @Test
    void unknownPathAndEndpointAre404WithCodes() {
        HttpResponse<String> path = PLATFORM.get("/.rest/delivery/pages/v1/nowhere");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(json(path.body()).get("code").asText()).isEqualTo("pathNotFound");
        assertThat(json(path.body()).get("message").asText()).contains("/nowhere");
        HttpResponse<String> endpoint = PLATFORM.get("/.rest/delivery/nothing/v1/home");
        assertThat(endpoint.statusCode()).isEqualTo(404);
        assertThat(json(endpoint.body()).get("code").asText()).isEqualTo("endpointNotFound");
    }

    @Test
    void pathsCannotEscapeTheEndpointSubtree() {
        for (String target : List.of("/.rest/delivery/home/v1/%2e%2e/about", "/.rest/delivery/home/v1/..%2Fabout",
                "/.rest/delivery/home/v1/%2E%2E/%2E%2E/personal", "/.rest/delivery/pages/v1/home%2F..%2F..%2Fpersonal",
                "/.rest/delivery/pages/v1/home/news[1]", "/.rest/delivery/pages/v1/*",
                "/.rest/delivery/pages/v1/..%5C..%5Cpersonal")) {
            PlatformExtension.RawResponse response = PLATFORM.rawGet(target);
            assertThat(response.status()).as(target).isIn(400, 404);
            assertThat(response.body()).as(target).doesNotContain("someone@example.org").doesNotContain("À propos")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void nonGetMethodsAre405() {
        HttpResponse<String> response = PLATFORM.post("/.rest/delivery/pages/v1/home", "application/json", "{}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("methodNotAllowed");
    }

    @Test
    void etagRevalidatesWith304AndChangesWithContent() {
        HttpResponse<String> first = PLATFORM.get("/.rest/delivery/pages/v1/home/events");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
        HttpResponse<String> again = PLATFORM.send(HttpRequest.newBuilder(
                URI.create(PLATFORM.uri("/.rest/delivery/pages/v1/home/events").toString()))
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        PLATFORM.platform().repository().write(session -> {
            session.getNode("/website/home/events").setProperty("title", "Agenda 2026");
            return null;
        });
        PLATFORM.publish("website", "/home/events");
        HttpResponse<String> changed = PLATFORM.send(HttpRequest.newBuilder(
                URI.create(PLATFORM.uri("/.rest/delivery/pages/v1/home/events").toString()))
                .header("If-None-Match", etag).GET().build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed.body()).get("title").asText()).isEqualTo("Agenda 2026");
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    }
}
