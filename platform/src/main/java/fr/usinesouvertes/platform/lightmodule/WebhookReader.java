package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.WebhookDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a webhook definition: {@code name} (default: the file's), {@code url} (http or https), {@code method}
 * ({@code GET}, {@code POST}, {@code PUT}, {@code DELETE}, {@code PATCH}; default {@code POST}), {@code enabled},
 * {@code queryParameters}, {@code headers} and {@code events} ({@code name}, {@code eventType} {@code Published} or
 * {@code Unpublished}, {@code filter}). Instead of a URL, a webhook may name a REST client of a light module
 * ({@code restClientName}: {@code restClients/<name>.yaml}, Magnolia's declarative REST client) and one of its calls
 * ({@code restCallName}; may be left out when the client has one call): the URL is the client's {@code baseUrl} and
 * the call's {@code path} with its {@code {placeholders}} filled from the call's {@code defaultValues}, the method the
 * call's (the webhook's own {@code method} wins), the call's {@code headers} and {@code queryParameters} under the
 * webhook's. A webhook whose URL, REST client, method, event type or filter cannot be read is an error and is not
 * called.
 */
final class WebhookReader {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*@(path|nodeType|workspace|repository)\\s*(=|<>|!=|LIKE|like)\\s*'([^']*)'\\s*");

    private WebhookReader() {
    }

    /** The webhook, or {@code null} when it cannot be called (reported). */
    static WebhookDefinition read(Map<String, Object> raw, DefinitionContext context,
                                  Map<String, Map<String, Object>> restClients) {
        String fileName = context.id().substring(context.id().lastIndexOf(':') + 1);
        String name = Values.string(raw, "name", fileName.substring(fileName.lastIndexOf('/') + 1));
        Map<String, String> queryParameters = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String url;
        String callMethod = null;
        String clientName = Values.string(raw, "restClientName");
        if (clientName != null) {
            Map<String, Object> call = restCall(raw, clientName.trim(), restClients, context);
            if (call == null) {
                return null;
            }
            url = callUrl(restClients.get(clientName.trim()), call, context);
            if (url == null) {
                return null;
            }
            callMethod = Values.string(call, "method");
            queryParameters.putAll(strings(Values.map(call, "queryParameters")));
            headers.putAll(strings(Values.map(call, "headers")));
        } else {
            url = Values.string(raw, "url");
            if (url == null || !isHttpUrl(url.trim())) {
                context.error("url", "url must be an http or https address; the webhook is not called");
                return null;
            }
        }
        queryParameters.putAll(strings(Values.map(raw, "queryParameters")));
        headers.putAll(strings(Values.map(raw, "headers")));
        String method = Values.string(raw, "method", callMethod != null ? callMethod : "POST").trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            context.error("method", "method '" + method + "' is not one of " + METHODS + "; the webhook is not called");
            return null;
        }
        List<WebhookDefinition.Event> events = new ArrayList<>();
        for (Map<String, Object> event : Values.named(raw.get("events")).values()) {
            String type = Values.string(event, "eventType", "");
            boolean published = type.equalsIgnoreCase("Published");
            if (!published && !type.equalsIgnoreCase("Unpublished")) {
                context.error("events", "event '" + Values.string(event, "name") + "': eventType '" + type
                        + "' is not Published or Unpublished; the webhook is not called");
                return null;
            }
            String filter = Values.string(event, "filter");
            List<List<WebhookDefinition.Condition>> conditions = filter == null || filter.isBlank() ? List.of()
                    : filter(filter, context);
            if (conditions == null) {
                return null;
            }
            events.add(new WebhookDefinition.Event(Values.string(event, "name"), published, conditions));
        }
        if (events.isEmpty()) {
            context.warning("events", "the webhook names no event: it is never called");
        }
        return new WebhookDefinition(context.id(), name, url.trim(), method, Values.bool(raw, "enabled", true),
                queryParameters, headers, events);
    }

    /** The call of the named REST client the webhook names ({@code restCallName}, or the client's only one); null: reported. */
    private static Map<String, Object> restCall(Map<String, Object> raw, String clientName,
                                                Map<String, Map<String, Object>> restClients, DefinitionContext context) {
        Map<String, Object> client = restClients.get(clientName);
        if (client == null) {
            context.error("restClientName", "no REST client '" + clientName + "' (restClients/" + clientName
                    + ".yaml in a light module); the webhook is not called");
            return null;
        }
        if (client.containsKey("securitySchemes") || client.containsKey("securityScheme")) {
            context.warning("restClientName", "REST client '" + clientName + "': security schemes are not supported; "
                    + "give the credentials as the call's headers");
        }
        Map<String, Map<String, Object>> calls = Values.named(client.get("restCalls"));
        String callName = Values.string(raw, "restCallName");
        if (callName == null && calls.size() == 1) {
            return calls.values().iterator().next();
        }
        Map<String, Object> call = callName == null ? null : calls.get(callName.trim());
        if (call == null) {
            context.error(callName == null ? "restClientName" : "restCallName", "REST client '" + clientName + "' has "
                    + (callName == null ? "several calls: name one with restCallName" : "no call '" + callName + "'")
                    + " (its calls: " + String.join(", ", calls.keySet()) + "); the webhook is not called");
        }
        return call;
    }

    /** The client's {@code baseUrl} and the call's {@code path}, placeholders filled; null: reported. */
    private static String callUrl(Map<String, Object> client, Map<String, Object> call, DefinitionContext context) {
        String base = Values.string(client, "baseUrl", "").trim();
        String path = Values.string(call, "path", "").trim();
        Map<String, String> values = strings(Values.map(call, "defaultValues"));
        Matcher placeholder = PLACEHOLDER.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                context.error("restClientName", "REST call path '" + path + "': no defaultValues." + placeholder.group(1)
                        + "; the webhook is not called");
                return null;
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(
                    java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")));
        }
        placeholder.appendTail(filled);
        String url = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (filled.length() == 0 || filled.charAt(0) == '/' ? "" : "/") + filled;
        if (!isHttpUrl(url)) {
            context.error("restClientName", "the REST client's baseUrl and the call's path make '" + url
                    + "', not an http or https address; the webhook is not called");
            return null;
        }
        return url;
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code a AND b OR c}: alternatives of conjunctions; no parentheses. Null (reported) when it cannot be read. */
    private static List<List<WebhookDefinition.Condition>> filter(String filter, DefinitionContext context) {
        List<List<WebhookDefinition.Condition>> alternatives = new ArrayList<>();
        for (String alternative : filter.split("(?i)\\s+OR\\s+")) {
            List<WebhookDefinition.Condition> all = new ArrayList<>();
            for (String condition : alternative.split("(?i)\\s+AND\\s+")) {
                Matcher matcher = CONDITION.matcher(condition);
                if (!matcher.matches()) {
                    context.error("events", "filter '" + filter + "': '" + condition.trim() + "' is not @path, @nodeType "
                            + "or @workspace compared with =, <> or LIKE and a quoted value; the webhook is not called");
                    return null;
                }
                String attribute = matcher.group(1).equals("repository") ? "workspace" : matcher.group(1);
                String operator = matcher.group(2).equals("!=") ? "<>" : matcher.group(2).toUpperCase(Locale.ROOT);
                all.add(new WebhookDefinition.Condition(attribute, operator, matcher.group(3)));
            }
            alternatives.add(all);
        }
        return alternatives;
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value != null && !(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                result.put(key, String.valueOf(value));
            }
        });
        return result;
    }
}
