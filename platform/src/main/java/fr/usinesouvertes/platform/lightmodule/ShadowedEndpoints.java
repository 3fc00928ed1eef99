package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Light-module endpoints ({@code restEndpoints/}) whose path a JAX-RS resource of the platform or of a Java module
 * also answers under {@code /.rest/}: JAX-RS prefers the resource's literal path to the Delivery API's catch-all, so
 * the endpoint, or the part of it below the resource's path, is never served. Each is a warning of the endpoint's
 * definition, listed with the light modules' problems ({@code GET /.rest/definitions}) and logged at start and at
 * every reload; the definitions are loaded before the Java modules register their resources, hence a check of its own.
 */
final class ShadowedEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowedEndpoints.class);

    private ShadowedEndpoints() {
    }

    /** The shadowed endpoints of {@code registry} given the JAX-RS components registered so far. */
    static List<Problem> find(DefinitionRegistry registry, Contributions contributions) {
        List<String> javaPaths = new ArrayList<>();
        for (Object component : contributions.restComponents()) {
            Class<?> type = component instanceof Class<?> c ? c : component.getClass();
            jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (path != null) {
                javaPaths.add(literalPrefix(path.value()));
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (DeliveryEndpointDefinition endpoint : registry.endpoints()) {
            String served = trim(endpoint.endpointPath());
            fr.usinesouvertes.platform.definition.Definition definition = registry
                    .definitions(fr.usinesouvertes.platform.definition.DefinitionType.REST_ENDPOINT).get(endpoint.id());
            String source = definition != null ? definition.source() : endpoint.id();
            for (String javaPath : javaPaths) {
                if (javaPath.isEmpty()) {
                    continue;
                }
                if (served.equals(javaPath) || served.startsWith(javaPath + "/")) {
                    problems.add(Problem.warning(source, 0, endpoint.id(), "endpoint path '" + served
                            + "' is answered by the platform's or a Java module's resource at /.rest/" + javaPath
                            + ": the endpoint is never served; give it another endpointPath"));
                } else if (javaPath.startsWith(served + "/")) {
                    problems.add(Problem.warning(source, 0, endpoint.id(), "the platform's or a Java "
                            + "module's resource at /.rest/" + javaPath + " answers below endpoint path '" + served
                            + "': the endpoint's nodes under " + javaPath.substring(served.length() + 1)
                            + " are never served"));
                }
            }
        }
        return problems;
    }

    /** Logs the shadowed endpoints now and after every reload of the definitions. */
    static void report(Definitions definitions, Contributions contributions) {
        log(find(definitions.current(), contributions));
        definitions.onChange(registry -> log(find(registry, contributions)));
    }

    private static void log(List<Problem> problems) {
        problems.forEach(p -> LOG.warn("Light modules: {}: {}: {}", p.source(), p.severity(), p.reason()));
    }

    /** The path up to its first template variable ({@code events/v1/{id}} is {@code events/v1}), without slashes. */
    private static String literalPrefix(String path) {
        int variable = path.indexOf('{');
        String literal = variable < 0 ? path : path.substring(0, variable);
        return trim(literal);
    }

    private static String trim(String path) {
        String trimmed = path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
