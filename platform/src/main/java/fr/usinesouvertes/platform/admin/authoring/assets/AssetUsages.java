package fr.usinesouvertes.platform.admin.authoring.assets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * Where assets are used: the pages and content items whose drafts name an asset (or a folder) by its uuid
 * ({@code jcr:<uuid>} as link fields store it, a bare uuid, or inside a link {@code /dam/jcr:<uuid>/file.pdf}
 * in rich text) or by its path ({@code /presse} in a field, {@code /dam/presse/kit.pdf} in a link). Walks the
 * drafts of the given workspaces on the caller's session, so what the account may not read is not listed.
 */
public final class AssetUsages {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String DAM_LINK = "/dam/";

    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> byPath = new HashMap<>();

    /**
     * One page or content item using assets.
     *
     * @param workspace the workspace of the page or item ({@code website} for pages)
     * @param path      its path inside the workspace
     * @param title     its title, else its name
     * @param page      whether it is a page of {@code website}
     * @param fields    the properties naming an asset, relative to the page or item ({@code main/0/image})
     * @param assets    the paths inside {@code dam} of the assets it names
     */
    public record Usage(String workspace, String path, String title, boolean page, List<String> fields,
                        List<String> assets) {
    }

    private AssetUsages(Node target) throws RepositoryException {
        add(target);
    }

    /**
     * The pages and items of {@code workspaces} naming {@code target} or, for a folder, the folder or
     * anything inside it; at most {@code limit}, in tree order.
     */
    public static List<Usage> of(Node target, Collection<String> workspaces, int limit) throws RepositoryException {
        AssetUsages usages = new AssetUsages(target);
        Session session = target.getSession();
        Map<String, UsageBuilder> found = new LinkedHashMap<>();
        for (String workspace : workspaces) {
            if (!"dam".equals(workspace) && session.nodeExists("/" + workspace)) {
                usages.walk(session.getNode("/" + workspace), workspace, found, limit);
            }
        }
        return found.values().stream().map(UsageBuilder::build).toList();
    }

    private void add(Node node) throws RepositoryException {
        String path = node.getPath().substring("/dam".length());
        byId.put(node.getIdentifier().toLowerCase(java.util.Locale.ROOT), path);
        byPath.put(path, path);
        if (node.isNodeType("mgnl:folder")) {
            for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
                Node child = children.nextNode();
                if (child.isNodeType("mgnl:folder") || child.isNodeType("mgnl:asset")) {
                    add(child);
                }
            }
        }
    }

    private void walk(Node node, String workspace, Map<String, UsageBuilder> found, int limit)
            throws RepositoryException {
        if (found.size() >= limit || node.getName().startsWith("rep:")) {
            return;
        }
        for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            int type = property.getType();
            if (type != PropertyType.STRING && type != PropertyType.WEAKREFERENCE && type != PropertyType.REFERENCE
                    && type != PropertyType.PATH) {
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
                named.addAll(assetsIn(value.getString()));
            }
            if (!named.isEmpty()) {
                Node unit = unit(node, workspace);
                UsageBuilder usage = found.computeIfAbsent(unit.getPath(), p -> new UsageBuilder(unit, workspace));
                usage.fields.add(property.getPath().substring(unit.getPath().length() + 1));
                usage.assets.addAll(named);
            }
        }
        for (NodeIterator children = node.getNodes(); children.hasNext() && found.size() < limit; ) {
            walk(children.nextNode(), workspace, found, limit);
        }
    }

    /** The paths of the watched assets a value names. */
    Set<String> assetsIn(String value) {
        Set<String> named = new LinkedHashSet<>();
        if (value == null || value.isEmpty()) {
            return named;
        }
        String exact = byPath.get(value.strip());
        if (exact != null) {
            named.add(exact);
        }
        Matcher uuids = UUID.matcher(value);
        while (uuids.find()) {
            String path = byId.get(uuids.group().toLowerCase(java.util.Locale.ROOT));
            if (path != null) {
                named.add(path);
            }
        }
        for (int at = value.indexOf(DAM_LINK); at >= 0; at = value.indexOf(DAM_LINK, at + 1)) {
            String link = linkPath(value, at + DAM_LINK.length() - 1);
            String path = byPath.get(link);
            if (path == null && link.lastIndexOf('.') > link.lastIndexOf('/')) {
                path = byPath.get(link.substring(0, link.lastIndexOf('.'))); // /dam/presse/kit.pdf
            }
            if (path != null) {
                named.add(path);
            }
        }
        return named;
    }

    /** The path of a link starting at {@code from} (a slash), up to its query, fragment or end. */
    private static String linkPath(String value, int from) {
        int end = from;
        while (end < value.length() && "\"'<>?# \t\r\n)".indexOf(value.charAt(end)) < 0) {
            end++;
        }
        String path = value.substring(from, end);
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** The page ({@code website}) or content item holding a node: what an editor opens to change it. */
    private static Node unit(Node node, String workspace) throws RepositoryException {
        if ("website".equals(workspace)) {
            for (Node at = node; at.getDepth() > 1; at = at.getParent()) {
                if (at.isNodeType("mgnl:page")) {
                    return at;
                }
            }
            return node;
        }
        for (Node at = node; at.getDepth() > 1; at = at.getParent()) {
            Node parent = at.getParent();
            if (at.isNodeType("mgnl:content") || parent.getDepth() == 1 || parent.isNodeType("mgnl:folder")) {
                return at;
            }
        }
        return node;
    }

    private static final class UsageBuilder {
        private final String workspace;
        private final String path;
        private final String title;
        private final boolean page;
        private final Set<String> fields = new LinkedHashSet<>();
        private final Set<String> assets = new LinkedHashSet<>();

        UsageBuilder(Node unit, String workspace) {
            try {
                this.workspace = workspace;
                this.path = unit.getPath().substring(workspace.length() + 1);
                String name = unit.getName();
                this.title = unit.hasProperty("title") && !unit.getProperty("title").getString().isBlank()
                        ? unit.getProperty("title").getString()
                        : unit.hasProperty("name") && !unit.getProperty("name").getString().isBlank()
                        ? unit.getProperty("name").getString() : name;
                this.page = unit.isNodeType("mgnl:page");
            } catch (RepositoryException e) {
                throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot read " + unit, e);
            }
        }

        Usage build() {
            return new Usage(workspace, path, title, page, List.copyOf(fields), new ArrayList<>(assets));
        }
    }
}
