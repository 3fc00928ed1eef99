package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the query parameters of Magnolia's "query nodes" request: {@code limit}, {@code offset},
 * {@code orderBy}, {@code q} and property filters {@code prop[op]=v1|v2}. Anything malformed is a 400
 * {@code invalidFilter} naming the parameter, before the repository is touched.
 */
final class NodeQueryParser {

    /** The largest page a client may ask for. */
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 10;

    /** Parameters that are not filters: paging, ordering, search, language, and the editor's extras. */
    /** A property name, never a relative path: a filter must not read outside the node it tests. */
    private static final Pattern PROPERTY_NAME = Pattern.compile("@?[^/\\\\\\[\\]*|\\s]+");

    /**
     * Parameters that are not property filters: the Delivery API's own, and those Magnolia's front-end helpers copy
     * from the page editor's frame address onto every call (editor mode and channel, the preview token).
     */
    private static final Set<String> RESERVED = Set.of("limit", "offset", "orderBy", "q", "lang", "variants",
            "version", "mgnlPreview", "mgnlPreviewAsVisitor", "mgnlChannel", "mgnlVersion",
            fr.usinesouvertes.platform.security.PreviewTokens.PARAMETER);

    private NodeQueryParser() {
    }

    static NodeQuery parse(Map<String, List<String>> parameters, DeliveryEndpointDefinition endpoint) {
        int defaultLimit = endpoint.limit() > 0 ? Math.min(endpoint.limit(), MAX_LIMIT) : DEFAULT_LIMIT;
        int limit = integer(parameters, "limit", defaultLimit, MAX_LIMIT);
        int offset = integer(parameters, "offset", 0, Integer.MAX_VALUE);
        List<OrderBy> orderBy = orderBy(single(parameters, "orderBy"));
        List<String> words = words(single(parameters, "q"));
        String ancestor = null;
        List<PropertyFilter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
            if (RESERVED.contains(entry.getKey())) {
                continue;
            }
            for (String value : entry.getValue()) {
                PropertyFilter filter = filter(entry.getKey(), value);
                if (filter.property().equals("@ancestor")) {
                    if (filter.operator() != FilterOperator.EQ || filter.values().size() != 1) {
                        throw invalid(entry.getKey(), "'@ancestor' takes one path and no operator");
                    }
                    ancestor = filter.values().get(0);
                } else {
                    filters.add(filter);
                }
            }
        }
        return new NodeQuery(limit, offset, orderBy, words, ancestor, List.copyOf(filters));
    }

    static PropertyFilter filter(String parameter, String value) {
        String property = parameter;
        FilterOperator operator = FilterOperator.EQ;
        int open = parameter.indexOf('[');
        if (open >= 0 || parameter.indexOf(']') >= 0) {
            if (open <= 0 || !parameter.endsWith("]") || parameter.indexOf(']') != parameter.length() - 1) {
                throw invalid(parameter, "write a filter as name[operator]=value");
            }
            String token = parameter.substring(open + 1, parameter.length() - 1);
            operator = FilterOperator.of(token).orElseThrow(() -> invalid(parameter, "unknown operator '" + token
                    + "' (use eq, ne, gt, lt, gte, lte, in, not-in, like or null)"));
            property = parameter.substring(0, open);
        }
        checkName(parameter, property);
        List<String> values = Arrays.asList(value.split("\\|", -1));
        for (String alternative : values) {
            check(parameter, operator, alternative);
        }
        return new PropertyFilter(parameter, property, operator, List.copyOf(values));
    }

    private static void check(String parameter, FilterOperator operator, String value) {
        if (operator == FilterOperator.NULL && !value.equals("true") && !value.equals("false")) {
            throw invalid(parameter, "'null' takes true or false, not '" + value + "'");
        }
        if ((operator == FilterOperator.IN || operator == FilterOperator.NOT_IN)
                && (value.indexOf('~') < 0 || value.indexOf('~') != value.lastIndexOf('~'))) {
            throw invalid(parameter, "'" + operator.token() + "' takes a range written from~to, not '" + value + "'");
        }
    }

    private static void checkName(String parameter, String property) {
        if (property.isBlank() || property.equals(".") || property.equals("..")
                || !PROPERTY_NAME.matcher(property).matches()) {
            throw invalid(parameter, "'" + property + "' is not a property name");
        }
    }

    static int integer(Map<String, List<String>> parameters, String name, int fallback, int max) {
        String raw = single(parameters, name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + raw + "' is not a whole number");
        }
        if (value < 0 || value > max) {
            throw invalid(name, "must be between 0 and " + max + ", not " + value);
        }
        return value;
    }

    private static List<OrderBy> orderBy(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<OrderBy> keys = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String[] tokens = part.trim().split("\\s+");
            if (tokens[0].isEmpty() || tokens.length > 2) {
                throw invalid("orderBy", "write it as 'property [asc|desc], ...', not '" + raw + "'");
            }
            boolean descending = false;
            if (tokens.length == 2) {
                String direction = tokens[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw invalid("orderBy", "the direction must be asc or desc, not '" + tokens[1] + "'");
                }
                descending = direction.equals("desc");
            }
            checkName("orderBy", tokens[0]);
            keys.add(new OrderBy(tokens[0], descending));
        }
        return List.copyOf(keys);
    }

    private static List<String> words(String q) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        return Arrays.stream(q.trim().toLowerCase(Locale.ROOT).split("\\s+")).toList();
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(name, "is given more than once");
        }
        return values.get(0);
    }

    static ApiException invalid(String parameter, String reason) {
        return ApiException.badRequest("invalidFilter", "Invalid parameter '" + parameter + "': " + reason);
    }
}
