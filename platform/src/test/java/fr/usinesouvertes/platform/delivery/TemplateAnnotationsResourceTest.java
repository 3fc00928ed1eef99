package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.MessageCatalog;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TemplateAnnotationsResourceTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    static AreaDefinition area(String name, String title, String type, Integer max, List<String> components,
                               boolean optional, Map<String, AreaDefinition> areas) {
        return new AreaDefinition(name, title, null, type, max, components, null, null, null, true, optional, true,
                areas, Map.of(), Map.of());
    }

    static TemplateDefinition template(String id, TemplateDefinition.Kind kind, String title, String dialog,
                                       Map<String, AreaDefinition> areas) {
        return new TemplateDefinition(id, kind, title, null, null, "freemarker", dialog, true, areas, Map.of(), null,
                Map.of());
    }

    @BeforeAll
    static void content() {
        Map<String, AreaDefinition> pageAreas = new LinkedHashMap<>();
        pageAreas.put("main", area("main", "Contenu", "list", 2, List.of("site:components/text", "site:components/list"),
                false, Map.of()));
        pageAreas.put("footer", area("footer", "site.footer.label", "single", null, List.of("site:components/text"),
                true, Map.of()));
        pageAreas.put("header", area("header", null, "noComponent", null, List.of(), false,
                Map.of("logo", area("logo", "Logo", "single", null, List.of("site:components/text"), false, Map.of()))));
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .template(template("site:pages/main", TemplateDefinition.Kind.PAGE, "Page", "site:pages/main", pageAreas))
                .template(template("site:components/text", TemplateDefinition.Kind.COMPONENT, "Texte",
                        "site:components/text", Map.of()))
                .template(template("site:components/list", TemplateDefinition.Kind.COMPONENT, "Liste \"simple\"",
                        "site:components/list", Map.of("items", area("items", "Éléments", "list", null,
                                List.of("site:components/text"), false, Map.of()))))
                .messages(new MessageCatalog(Map.of("fr", Map.of("site.footer.label", "Pied de page"))))
                .build());
        PLATFORM.platform().repository().write(session -> {
            Node page = session.getNode("/website").addNode("spa", "mgnl:page");
            page.setProperty("mgnl:template", "site:pages/main");
            Node main = page.addNode("main", "mgnl:area");
            main.addNode("0", "mgnl:component").setProperty("mgnl:template", "site:components/text");
            main.addNode("1", "mgnl:component").setProperty("mgnl:template", "site:components/list");
            page.addNode("child", "mgnl:page").setProperty("mgnl:template", "site:pages/main");
            return null;
        });
        PLATFORM.publish("website", "/spa");
    }

    @Test
    void annotatesThePageItsAreasAndComponentsAsMagnoliaDoes() {
        HttpResponse<String> response = PLATFORM.get("/.rest/template-annotations/v1/spa");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode expected = DeliveryFixtures.resource("template-annotations-spa.json");
        assertThat(json(response.body())).isEqualTo(expected);
        assertThat(json(response.body()).fieldNames()).toIterable().startsWith("/spa", "/spa/main", "/spa/main/0");
    }

    @Test
    void missingAreaNodesAreNeverSaved() {
        PLATFORM.get("/.rest/template-annotations/v1/spa");
        boolean saved = PLATFORM.platform().repository().read(session -> session.nodeExists("/website/spa/footer")
                || session.nodeExists("/website/spa/main/1/items"));
        assertThat(saved).isFalse();
        boolean savedInFreshSession = PLATFORM.platform().repository().write(
                session -> session.nodeExists("/website/spa/footer"));
        assertThat(savedInFreshSession).isFalse();
    }

    @Test
    void unknownPageOrNotAPageIs404() {
        for (String path : List.of("/.rest/template-annotations/v1/nowhere", "/.rest/template-annotations/v1/spa/main",
                "/.rest/template-annotations/v1/spa/%2e%2e%5Cdam")) {
            HttpResponse<String> response = PLATFORM.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response.body()).get("code").asText()).isEqualTo("pathNotFound");
        }
        // Jetty itself refuses encoded slashes (ambiguous URI) before the request reaches us
        assertThat(PLATFORM.get("/.rest/template-annotations/v1/spa%2F..%2F..%2Fdam").statusCode()).isIn(400, 404);
    }
}
