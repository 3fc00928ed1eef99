package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * A webhook ({@code webhooks/<name>.yaml}, Magnolia's Webhooks module format): a call of {@code url} with
 * {@code method}, {@code queryParameters} and {@code headers} when content is published or unpublished, for each of its
 * {@code events} whose filter matches the node.
 *
 * @param name the webhook's name, unique across modules
 */
public record WebhookDefinition(String id, String name, String url, String method, boolean enabled,
                                Map<String, String> queryParameters, Map<String, String> headers, List<Event> events) {

    public WebhookDefinition {
        queryParameters = Map.copyOf(queryParameters);
        headers = Map.copyOf(headers);
        events = List.copyOf(events);
    }

    /**
     * One event of a webhook: {@code eventType} {@code Published} or {@code Unpublished}, and an optional filter over
     * the node ({@code @path LIKE '/travel/%' AND @nodeType = 'mgnl:page'}).
     *
     * @param filter the filter as alternatives ({@code OR}) of conditions that must all hold ({@code AND}); empty: any node
     */
    public record Event(String name, boolean published, List<List<Condition>> filter) {

        public Event {
            filter = filter.stream().map(List::copyOf).toList();
        }

        /** Whether the event fires for a node of {@code workspace} at {@code path} of type {@code nodeType}. */
        public boolean matches(boolean publication, String workspace, String path, String nodeType) {
            if (publication != published) {
                return false;
            }
            return filter.isEmpty() || filter.stream().anyMatch(all -> all.stream()
                    .allMatch(condition -> condition.holds(workspace, path, nodeType)));
        }
    }

    /**
     * One condition of a filter: {@code @path}, {@code @nodeType} or {@code @workspace} (also {@code @repository})
     * compared with {@code =}, {@code <>} ({@code !=}) or {@code LIKE} ({@code %} any characters, {@code _} one).
     */
    public record Condition(String attribute, String operator, String value) {

        boolean holds(String workspace, String path, String nodeType) {
            String actual = switch (attribute) {
                case "path" -> path;
                case "nodeType" -> nodeType;
                default -> workspace;
            };
            return switch (operator) {
                case "=" -> actual.equals(value);
                case "<>" -> !actual.equals(value);
                default -> like(value).matcher(actual).matches();
            };
        }

        private static java.util.regex.Pattern like(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            return java.util.regex.Pattern.compile(regex.toString());
        }
    }
}
