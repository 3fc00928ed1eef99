package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import java.util.Collection;
import java.util.Optional;

/**
 * A request path below {@code /.rest/} split into the delivery endpoint it addresses and the rest: the
 * endpoint path is a prefix of the request path, matched at request time because definitions reload at
 * run time, and the longest matching prefix wins.
 *
 * @param remainder what follows the endpoint path, without a leading {@code /} ({@code ""} for a query)
 */
record EndpointRoute(DeliveryEndpointDefinition endpoint, String remainder) {

    static Optional<EndpointRoute> find(Collection<DeliveryEndpointDefinition> endpoints, String requestPath) {
        String path = strip(requestPath);
        DeliveryEndpointDefinition best = null;
        for (DeliveryEndpointDefinition endpoint : endpoints) {
            String prefix = strip(endpoint.endpointPath());
            boolean matches = path.equals(prefix) || path.startsWith(prefix + "/");
            if (matches && (best == null || prefix.length() > strip(best.endpointPath()).length())) {
                best = endpoint;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = path.substring(strip(best.endpointPath()).length());
        return Optional.of(new EndpointRoute(best, rest.startsWith("/") ? rest.substring(1) : rest));
    }

    private static String strip(String path) {
        String result = path == null ? "" : path;
        while (result.startsWith("/")) {
            result = result.substring(1);
        }
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
