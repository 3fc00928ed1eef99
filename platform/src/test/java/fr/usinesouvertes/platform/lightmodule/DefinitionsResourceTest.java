package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DefinitionsResourceTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/light-modules")).inMemory();

    @Test
    void isForTheBackOfficesStaffOnly() {
        HttpResponse<String> anonymous = PLATFORM.get("/.rest/definitions");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"code\":\"notLoggedIn\"").doesNotContain("light-modules/demo");

        PLATFORM.platform().accounts().create("usine@example.fr", "Usine", "mot de passe de l'usine".toCharArray(),
                java.util.Set.of(fr.usinesouvertes.platform.security.Role.COMPANY), "usine");
        fr.usinesouvertes.platform.testing.AdminBrowser company = fr.usinesouvertes.platform.testing.AdminBrowser.on(PLATFORM);
        company.login("usine@example.fr", "mot de passe de l'usine");
        HttpResponse<String> forbidden = company.get("/.rest/definitions");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"code\":\"forbidden\"").doesNotContain("light-modules/demo");
    }

    @Test
    void listsModulesDefinitionsByTypeAndProblems() throws Exception {
        HttpResponse<String> response = PLATFORM.staff().get("/.rest/definitions");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.mapper().readTree(response.body());

        assertThat(names(body.get("modules"), "name")).containsExactly("broken", "decorator", "demo");
        JsonNode demo = body.get("modules").get(2);
        assertThat(demo.get("version").asText()).isEqualTo("1.2.0");
        assertThat(demo.get("origin").asText()).isEqualTo("light-modules/demo");
        assertThat(response.body()).doesNotContain(java.nio.file.Path.of("").toAbsolutePath().toString());

        JsonNode templates = body.get("definitions").get("templates");
        JsonNode home = find(templates, "demo:pages/home");
        assertThat(home.get("source").asText()).isEqualTo("demo/templates/pages/home.yaml");
        assertThat(home.get("title").asText()).isEqualTo("Accueil");
        assertThat(home.get("kind").asText()).isEqualTo("page");
        assertThat(find(body.get("definitions").get("dialogs"), "demo:pages/home").get("label").asText())
                .isEqualTo("Page (décorée)");
        assertThat(find(body.get("definitions").get("restEndpoints"), "demo:delivery/pages_v1")
                .get("endpointPath").asText()).isEqualTo("delivery/pages/v1");
        assertThat(find(body.get("definitions").get("apps"), "demo:tours").get("contentType").asText())
                .isEqualTo("tour");

        JsonNode problem = null;
        for (JsonNode p : body.get("problems")) {
            if (p.get("source").asText().equals("broken/templates/pages/bad-syntax.yaml")) {
                problem = p;
            }
        }
        assertThat(problem).isNotNull();
        assertThat(problem.get("line").asInt()).isEqualTo(5);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("definitionId").asText()).isEqualTo("broken:pages/bad-syntax");
        assertThat(problem.get("reason").asText()).startsWith("invalid YAML");
    }

    @Test
    void filtersByType() throws Exception {
        JsonNode body = JsonMapper.mapper().readTree(PLATFORM.staff().get("/.rest/definitions?type=contentTypes").body());
        assertThat(names(body.get("definitions"), null)).containsExactly("contentTypes");
        assertThat(names(body.get("definitions").get("contentTypes"), "id")).containsExactly("demo:partner", "demo:tour");
    }

    @Test
    void unknownTypeIsABadRequest() {
        HttpResponse<String> response = PLATFORM.staff().get("/.rest/definitions?type=widgets");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"unknownType\"").contains("templates");
    }

    @Test
    void contentTypeWorkspacesAndAutoCreatedNodeTypesExist() {
        boolean ok = PLATFORM.platform().repository().read(session ->
                session.getRootNode().hasNode("tours") && session.getRootNode().hasNode("partners")
                        && session.getWorkspace().getNodeTypeManager().getNodeType("uo:tour").isNodeType("mgnl:content")
                        && session.getNamespaceURI("uo").equals("https://www.usinesouvertes.fr/jcr/1.0/uo"));
        assertThat(ok).isTrue();
        String path = PLATFORM.platform().repository().write(session -> session.getNode("/tours")
                .addNode("first-tour", "uo:tour").getPath());
        assertThat(path).isEqualTo("/tours/first-tour");
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not listed in " + items);
    }

    private static List<String> names(JsonNode node, String field) {
        List<String> names = new ArrayList<>();
        if (field == null) {
            node.fieldNames().forEachRemaining(names::add);
        } else {
            node.forEach(n -> names.add(n.get(field).asText()));
        }
        return names;
    }
}
