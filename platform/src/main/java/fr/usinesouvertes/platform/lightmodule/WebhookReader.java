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
 * {@code Unpublished}, {@code filter}). A REST client named instead of a URL ({@code restClientName}) is not supported;
 * such a webhook, or one whose URL, method, event type or filter cannot be read, is an error and is not called.
 */
final class WebhookReader {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*@(path|nodeType|workspace|repository)\\s*(=|<>|!=|LIKE|like)\\s*'([^']*)'\\s*");

    private WebhookReader() {
    }

    /** The webhook, or {@code null} when it cannot be called (reported). */
    static WebhookDefinition read(Map<String, Object> raw, DefinitionContext context) {
        String fileName = context.id().substring(context.id().lastIndexOf(':') + 1);
        String name = Values.string(raw, "name", fileName.substring(fileName.lastIndexOf('/') + 1));
        if (Values.string(raw, "restClientName") != null) {
            context.error("restClientName", "webhooks calling a named REST client are not supported; give url and method");
            return null;
        }
        String url = Values.string(raw, "url");
        if (url == null || !isHttpUrl(url.trim())) {
            context.error("url", "url must be an http or https address; the webhook is not called");
            return null;
        }
        String method = Values.string(raw, "method", "POST").trim().toUpperCase(Locale.ROOT);
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
                strings(Values.map(raw, "queryParameters")), strings(Values.map(raw, "headers")), events);
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
