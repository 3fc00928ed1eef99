package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.Definition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /.rest/definitions}: the loaded light modules, their definitions grouped by type (named by
 * folder: {@code templates}, {@code dialogs}...) and every problem found. {@code ?type=<folder>} keeps one
 * group. Staff only (administrators, editors, publishers logged in to the back office): file paths and
 * problems are no business of the public.
 */
@Path("definitions")
@Produces(MediaType.APPLICATION_JSON)
public final class DefinitionsResource {

    private final Definitions definitions;
    private final Contributions contributions;

    public DefinitionsResource(Definitions definitions, Contributions contributions) {
        this.definitions = definitions;
        this.contributions = contributions;
    }

    @GET
    public Map<String, Object> list(@Context HttpServletRequest request, @QueryParam("type") String type) {
        Account account = CurrentAccount.of(request).orElseThrow(() -> new ApiException(Response.Status.UNAUTHORIZED,
                "notLoggedIn", "Log in to the back office (/admin/login) to list the definitions"));
        if (!account.isStaff()) {
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Only the back office's staff may list the definitions");
        }
        DefinitionRegistry registry = definitions.current();
        List<DefinitionType> types = type == null || type.isBlank() ? Arrays.asList(DefinitionType.values())
                : List.of(DefinitionType.ofFolder(type.trim()).orElseThrow(() -> ApiException.badRequest("unknownType",
                        "Unknown definition type '" + type + "'; expected one of "
                                + Arrays.stream(DefinitionType.values()).map(DefinitionType::folder)
                                .collect(Collectors.joining(", ")))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("modules", registry.modules().stream().map(m -> {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("name", m.name());
            module.put("origin", m.origin());
            module.put("version", m.version());
            return module;
        }).toList());
        Map<String, Object> grouped = new LinkedHashMap<>();
        for (DefinitionType t : types) {
            List<Map<String, Object>> items = new ArrayList<>();
            registry.definitions(t).values().forEach(d -> items.add(describe(registry, d)));
            grouped.put(t.folder(), items);
        }
        body.put("definitions", grouped);
        List<fr.usinesouvertes.platform.definition.Problem> problems = new ArrayList<>(registry.problems());
        problems.addAll(ShadowedEndpoints.find(registry, contributions));
        body.put("problems", problems.stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("source", p.source());
            problem.put("line", p.line());
            problem.put("severity", p.severity());
            problem.put("definitionId", p.definitionId());
            problem.put("reason", p.reason());
            return problem;
        }).toList());
        return body;
    }

    private static Map<String, Object> describe(DefinitionRegistry registry, Definition definition) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", definition.id());
        item.put("source", definition.source());
        String id = definition.id();
        switch (definition.type()) {
            case TEMPLATE -> registry.template(id).ifPresent(t -> {
                item.put("title", t.title());
                item.put("kind", t.kind().name().toLowerCase(java.util.Locale.ROOT));
            });
            case DIALOG -> registry.dialog(id).ifPresent(d -> item.put("label", d.label()));
            case CONTENT_TYPE -> registry.contentTypes().stream().filter(c -> c.id().equals(id)).findFirst()
                    .ifPresent(c -> item.put("workspace", c.workspace()));
            case APP -> registry.apps().stream().filter(a -> a.id().equals(id)).findFirst().ifPresent(a -> {
                item.put("label", a.label());
                item.put("contentType", a.contentType());
            });
            case REST_ENDPOINT -> registry.endpoints().stream().filter(e -> e.id().equals(id)).findFirst()
                    .ifPresent(e -> item.put("endpointPath", e.endpointPath()));
            default -> {
                Object label = definition.properties().get("label");
                if (label instanceof String text) {
                    item.put("label", text);
                }
            }
        }
        return item;
    }
}
