package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryQueryTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    @BeforeAll
    static void content() {
        DeliveryFixtures.createSite(PLATFORM.platform().repository());
        DeliveryFixtures.createPressReleases(PLATFORM.platform().repository());
        PLATFORM.publishAll();
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .endpoint(endpoint("delivery/press/v1", "pressReleases").nodeTypes("mgnl:content").strict(true)
                        .limit(2).build())
                .endpoint(endpoint("delivery/press-all/v1", "pressReleases").nodeTypes("mgnl:content").build())
                .endpoint(endpoint("delivery/pages/v1", "website").depth(1).nodeTypes("mgnl:page")
                        .childNodeTypes("mgnl:area").build())
                .build());
    }

    /** The names of the results of a query sent raw (with [, ] and | unencoded), in order. */
    static List<String> names(String query) {
        JsonNode answer = answer(query);
        List<String> names = new ArrayList<>();
        answer.get("results").forEach(n -> names.add(n.get("@name").asText()));
        return names;
    }

    static JsonNode answer(String query) {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/delivery/press-all/v1?limit=100&" + query);
        assertThat(response.status()).as(query + " -> " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "title=Note interne;                   note-interne",
            "title[eq]=Note interne|Inconnu;      note-interne",
            "title[ne]=Note interne;              lancement-2025,edition-2026",
            "visitors[gt]=150;                    lancement-2025",
            "visitors[gte]=150;                   lancement-2025,note-interne",
            "visitors[lt]=20000;                  note-interne",
            "visitors[lte]=20000;                 lancement-2025,note-interne",
            "visitors[in]=100~1000;               note-interne",
            "visitors[not-in]=100~1000;           lancement-2025",
            "visitors[in]=1~200|10000~30000;      lancement-2025,note-interne",
            "score[gt]=2.5;                       lancement-2025,edition-2026",
            "score[lt]=1.5;                       note-interne",
            "score[eq]=3;                         edition-2026",
            "published=true;                      lancement-2025,edition-2026",
            "published[ne]=true;                  note-interne",
            "visitors[null]=true;                 archives,edition-2026",
            "visitors[null]=false;                lancement-2025,note-interne",
            "body_en[null]=true;                  archives,note-interne",
            "title[like]=%usines;                 edition-2026",
            "title[like]=L_ncement%;              lancement-2025",
            "title[like]=%édition%|Note%;         lancement-2025,note-interne",
            "title[like]=%USINES;                 ''",
            "body_en[like]=%factories%;           edition-2026",
            "tags=emploi;                         lancement-2025",
            "tags[eq]=industrie;                  lancement-2025,edition-2026",
            "tags[ne]=industrie;                  note-interne",
            "date=2026-02-11;                     edition-2026",
            "date[gt]=2026-02-11;                 note-interne",
            "date[gte]=2026-02-11;                edition-2026,note-interne",
            "date[lt]=2026-02-11;                 lancement-2025",
            "date[lte]=2025-07-09;                lancement-2025",
            "date[in]=2025-01-01~2026-12-31;      lancement-2025,edition-2026,note-interne",
            "date[not-in]=2026-01-01~2026-12-31;  lancement-2025",
            "date[gt]=2026-02-11T08:59:59.999Z;   edition-2026,note-interne",
            "date[eq]=2026-02-11T10:00:00.000+01:00; edition-2026",
            "date[lt]=2026-02-11T09:00:00.000Z;   lancement-2025",
            "@name=archives|edition-2026;         archives,edition-2026",
            "@ancestor=/archives;                 note-interne",
            "title=Note interne&published=false;  note-interne",
            "title=Note interne&published=true;   ''",
            "title[like]=%2026%&orderBy=title;    edition-2026",
            "title[like]=%2027%;                  ''",
    })
    void everyFilterOperatorSelectsTheRightNodes(String query, String expected) {
        List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        String raw = query.replace("%", "%25").replace(" ", "%20").replace("+", "%2B").replace("é", "%C3%A9");
        assertThat(names(raw)).containsExactlyInAnyOrderElementsOf(wanted);
    }

    @Test
    void anUnencodedPlusOfADateOffsetStillWorks() {
        assertThat(names("date[eq]=2026-02-11T10:00:00.000+01:00")).containsExactly("edition-2026");
    }

    @Test
    void filtersByIdentifier() {
        String id = PLATFORM.platform().repository().read(s -> s.getNode("/pressReleases/edition-2026").getIdentifier());
        assertThat(names("@jcr:uuid=" + id)).containsExactly("edition-2026");
        assertThat(names("@jcr:uuid=" + id + "|nothing")).containsExactly("edition-2026");
    }

    @Test
    void strictNodeTypesLeaveFoldersOutAndLimitDefaultsToTheEndpoints() {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/delivery/press/v1/");
        JsonNode answer = json(response.body());
        assertThat(answer.get("total").asInt()).isEqualTo(3);
        assertThat(answer.get("results").size()).isEqualTo(2); // endpoint limit: 2
        assertThat(names("")).containsExactly("lancement-2025", "edition-2026", "archives", "note-interne");
    }

    @Test
    void ordersByOneOrSeveralKeysAscendingOrDescending() {
        assertThat(names("orderBy=date%20desc")).containsExactly("note-interne", "edition-2026", "lancement-2025",
                "archives");
        assertThat(names("orderBy=date")).containsExactly("lancement-2025", "edition-2026", "note-interne",
                "archives"); // missing values last
        assertThat(names("orderBy=published%20desc,visitors%20asc&@name=lancement-2025|edition-2026|note-interne"))
                .containsExactly("lancement-2025", "edition-2026", "note-interne");
        assertThat(names("orderBy=published%20asc,score%20desc&published[null]=false"))
                .containsExactly("note-interne", "lancement-2025", "edition-2026");
        assertThat(names("orderBy=score")).containsExactly("note-interne", "edition-2026", "lancement-2025",
                "archives");
    }

    @Test
    void pagesWithLimitAndOffsetAndCountsTheTotal() {
        JsonNode page = json(PLATFORM.rawGet("/.rest/delivery/press-all/v1?published[null]=false&limit=1").body());
        assertThat(json(PLATFORM.rawGet("/.rest/delivery/press-all/v1?orderBy=score%20desc&published[null]=false"
                + "&limit=1&offset=1").body()).get("results").get(0).get("@name").asText()).isEqualTo("edition-2026");
        JsonNode second = json(PLATFORM.rawGet("/.rest/delivery/press-all/v1?orderBy=score%20desc&limit=2&offset=2")
                .body());
        assertThat(second.get("total").asInt()).isEqualTo(4);
        assertThat(second.get("results")).extracting(n -> n.get("@name").asText())
                .containsExactly("note-interne", "archives");
        JsonNode beyond = json(PLATFORM.rawGet("/.rest/delivery/press-all/v1?offset=50").body());
        assertThat(beyond.get("results").size()).isZero();
        assertThat(beyond.get("total").asInt()).isEqualTo(4);
        assertThat(page.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void fullTextSearchIgnoresCaseAndNeedsEveryWord() {
        assertThat(names("q=usines")).containsExactlyInAnyOrder("lancement-2025", "edition-2026");
        assertThat(names("q=USINES%20participent")).containsExactly("edition-2026");
        assertThat(names("q=factories")).containsExactly("lancement-2025", "edition-2026"); // localized variants too
        assertThat(names("q=introuvable")).isEmpty();
        // a page is found by the text of its components
        JsonNode pages = json(PLATFORM.rawGet("/.rest/delivery/pages/v1?q=bonjour").body());
        assertThat(pages.get("results")).extracting(n -> n.get("@name").asText()).containsExactly("home");
    }

    @Test
    void queryResultsCarryChildrenAndLanguage() {
        JsonNode pages = json(PLATFORM.rawGet("/.rest/delivery/pages/v1?@name=home&lang=en").body());
        JsonNode home = pages.get("results").get(0);
        assertThat(home.get("title").asText()).isEqualTo("Home");
        assertThat(home.get("@nodes").toString()).isEqualTo("[\"main\"]");
        JsonNode ancestors = json(PLATFORM.rawGet("/.rest/delivery/pages/v1?@ancestor=/home&orderBy=@name").body());
        assertThat(ancestors.get("results")).extracting(n -> n.get("@name").asText()).containsExactly("events", "news");
        JsonNode unknownAncestor = json(PLATFORM.rawGet("/.rest/delivery/pages/v1?@ancestor=/nowhere").body());
        assertThat(unknownAncestor.get("total").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "title[foo]=x", "title[eq=x", "title]=x", "[eq]=x", "visitors[gt]=many", "date[gt]=yesterday",
            "date[eq]=2026-13-45", "published=maybe", "visitors[in]=1-5", "visitors[null]=yes", "limit=-1",
            "limit=5000", "limit=ten", "offset=-3", "orderBy=title%20sideways", "orderBy=title%20asc%20desc",
            "orderBy=,title", "lang=%3Cscript%3E", "@ancestor[ne]=/archives", "title[like]=a&limit=1&limit=2"})
    void badParametersAre400InvalidFilterNamingTheParameter(String query) {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/delivery/press-all/v1?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = json(response.body());
        assertThat(error.get("code").asText()).isEqualTo("invalidFilter");
        String parameter = query.substring(query.lastIndexOf('&') + 1).split("=")[0].replace("%20", " ");
        assertThat(error.get("message").asText()).contains(parameter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..%2F..%2Fpersonal%2Femail[like]=%25", "main%2Ftext=x", "orderBy=..%2Fpersonal", "*=x",
            "title%20x=1"})
    void filtersCannotReadOutsideTheNodeNorFailOnBadNames(String query) {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/delivery/press-all/v1?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(json(response.body()).get("code").asText()).isEqualTo("invalidFilter");
        assertThat(response.body()).doesNotContain("someone@example.org");
    }

    @Test
    void anUnknownNamespacePrefixIsJustAMissingProperty() {
        assertThat(names("unknownprefix:title=x")).isEmpty();
        assertThat(names("orderBy=unknownprefix:title&@name=archives")).containsExactly("archives");
    }

    @Test
    void filterCharactersMayAlsoBeEncoded() {
        var response = PLATFORM.get("/.rest/delivery/press-all/v1?title%5Blike%5D=%25usines&tags=emploi%7Cinterne");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response.body()).get("total").asInt()).isZero();
        var either = PLATFORM.get("/.rest/delivery/press-all/v1?tags=emploi%7Cinterne");
        assertThat(json(either.body()).get("results")).extracting(n -> n.get("@name").asText())
                .containsExactly("lancement-2025", "note-interne");
    }
}
