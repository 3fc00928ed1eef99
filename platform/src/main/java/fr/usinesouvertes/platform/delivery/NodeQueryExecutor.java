package fr.usinesouvertes.platform.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Answers a {@link NodeQuery} by walking the endpoint's subtree in document order, keeping the nodes of
 * its {@code nodeTypes} that pass every filter, then ordering and paging them.
 *
 * <p>Why a walk and not JCR-SQL2: without oak-lucene (it clashes with Lucene 9) Oak would traverse the
 * subtree anyway, and a walk lets filters compare by stored type and {@code q} search case-insensitively.
 * Answers are cached (see {@link DeliveryCache}), so the walk runs once per distinct request and change.
 *
 * <p>{@code q}: every word must appear, ignoring case, in a string property of the node or of its
 * descendants that are not themselves results (a page's areas and components hold its text).
 * Hidden nodes (see {@link DeliveryVisibility}) are skipped with their whole subtree. Without
 * {@code orderBy} results come in document order; with it, missing values sort last and ties keep
 * document order.
 */
final class NodeQueryExecutor {

    private final FilterMatcher filters;

    NodeQueryExecutor(FilterMatcher filters) {
        this.filters = filters;
    }

    /** A page of results and the number of results before paging. */
    record Page(List<Node> nodes, int total) {
    }

    Page run(Node start, NodeQuery query, NodeTypeMatcher types, DeliveryVisibility visibility)
            throws RepositoryException {
        List<Node> matches = new ArrayList<>();
        Deque<Iterator<Node>> stack = new ArrayDeque<>();
        stack.push(children(start));
        while (!stack.isEmpty()) {
            Iterator<Node> level = stack.peek();
            if (!level.hasNext()) {
                stack.pop();
                continue;
            }
            Node node = level.next();
            if (node.getName().startsWith("rep:") || !visibility.isVisible(node)) {
                continue;
            }
            if (types.matches(node) && passes(node, query, types)) {
                matches.add(node);
            }
            stack.push(children(node));
        }
        if (!query.orderBy().isEmpty()) {
            matches = sorted(matches, query.orderBy());
        }
        int from = (int) Math.min(matches.size(), (long) query.offset());
        int to = (int) Math.min(matches.size(), (long) from + query.limit());
        return new Page(List.copyOf(matches.subList(from, to)), matches.size());
    }

    private boolean passes(Node node, NodeQuery query, NodeTypeMatcher types) throws RepositoryException {
        for (PropertyFilter filter : query.filters()) {
            if (!filters.matches(node, filter)) {
                return false;
            }
        }
        if (query.words().isEmpty()) {
            return true;
        }
        StringBuilder text = new StringBuilder();
        collectText(node, types, text, true);
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        return query.words().stream().allMatch(haystack::contains);
    }

    private void collectText(Node node, NodeTypeMatcher types, StringBuilder text, boolean self)
            throws RepositoryException {
        if (!self && types.matches(node)) {
            return; // another result: its text is its own
        }
        for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            if (property.getType() != PropertyType.STRING || PropertyJson.isSystem(property.getName())) {
                continue;
            }
            for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
                text.append(value.getString()).append('\n');
            }
        }
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            collectText(children.nextNode(), types, text, false);
        }
    }

    private static Iterator<Node> children(Node node) throws RepositoryException {
        List<Node> children = new ArrayList<>();
        for (NodeIterator iterator = node.getNodes(); iterator.hasNext(); ) {
            children.add(iterator.nextNode());
        }
        return children.iterator();
    }

    private static List<Node> sorted(List<Node> nodes, List<OrderBy> keys) throws RepositoryException {
        record Row(Node node, Comparable<?>[] values) {
        }
        List<Row> rows = new ArrayList<>();
        for (Node node : nodes) {
            Comparable<?>[] values = new Comparable<?>[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                values[i] = sortValue(node, keys.get(i).property());
            }
            rows.add(new Row(node, values));
        }
        Comparator<Row> order = (a, b) -> 0;
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            boolean descending = keys.get(i).descending();
            order = order.thenComparing((a, b) -> compareValues(a.values()[index], b.values()[index], descending));
        }
        rows.sort(order); // stable: ties keep document order
        return rows.stream().map(Row::node).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Comparable a, Comparable b, boolean descending) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? 1 : -1); // missing values last either way
        }
        int result = a.getClass() == b.getClass() ? a.compareTo(b) : a.toString().compareTo(b.toString());
        return descending ? -result : result;
    }

    private static Comparable<?> sortValue(Node node, String property) throws RepositoryException {
        if (property.equals("@name")) {
            return node.getName();
        }
        if (property.equals("@path")) {
            return node.getPath();
        }
        if (!FilterMatcher.hasProperty(node, property, "orderBy")) {
            return null;
        }
        Property stored = node.getProperty(property);
        Value value = stored.isMultiple() ? (stored.getValues().length > 0 ? stored.getValues()[0] : null)
                : stored.getValue();
        if (value == null) {
            return null;
        }
        return switch (value.getType()) {
            case PropertyType.LONG, PropertyType.DOUBLE, PropertyType.DECIMAL -> value.getDecimal();
            case PropertyType.DATE -> value.getDate().toInstant();
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.BINARY -> null;
            default -> value.getString();
        };
    }
}
