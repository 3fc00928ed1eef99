package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.ReferenceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads Delivery API endpoints (Magnolia's JCR "v2" endpoint, {@code class: ...jcr.v2.JcrDeliveryEndpointDefinition}
 * or {@code $type: jcrDeliveryEndpoint_v2}; a file with neither is read as one too). Without {@code endpointPath}
 * the path is derived from the file as Magnolia does: the path inside {@code restEndpoints/} without
 * {@code .yaml}, a final {@code _v<n>} becoming {@code /v<n>} ({@code delivery/pages_v1} → {@code delivery/pages/v1}).
 *
 * <p>Defaults are Magnolia's: workspace {@code website}, rootPath {@code /}, depth 0, nodeTypes
 * {@code [mgnl:content]} (with its subtypes: pages, folders, assets, content-app items), childNodeTypes none
 * given (every type), includeSystemProperties true, limit 10, referenceDepth 1, referenceRepeat false.
 *
 * <p>Nothing is ignored without a word: another endpoint type is an error (the endpoint is not served), an
 * option or reference option the platform does not implement, or a value it cannot read, is a warning of the
 * definition (the endpoint is served without it). {@code typedValues: true} is the platform's own option
 * (numbers and booleans as JSON numbers and booleans instead of Magnolia's strings).
 */
final class EndpointReader {

    static final String V2_CLASS = "info.magnolia.rest.delivery.jcr.v2.JcrDeliveryEndpointDefinition";
    static final String V2_TYPE = "jcrDeliveryEndpoint_v2";
    /** Magnolia's default node types of a v2 endpoint. */
    static final List<String> DEFAULT_NODE_TYPES = List.of("mgnl:content");
    private static final Pattern VERSION_SUFFIX = Pattern.compile("^(.*)_(v\\d+)$");
    /** The endpoint options implemented here. */
    private static final Set<String> OPTIONS = Set.of("class", "$type", "workspace", "rootPath", "endpointPath",
            "depth", "nodeTypes", "childNodeTypes", "strict", "includeSystemProperties", "systemProperties", "limit",
            "bypassWorkspaceAcls", "references", "referenceDepth", "referenceRepeat", "typedValues");
    private static final Set<String> REFERENCE_OPTIONS = Set.of("name", "propertyName", "referenceResolver", "expand");
    private static final Set<String> RESOLVER_OPTIONS = Set.of("class", "$type", "targetWorkspace", "assetRenditions",
            "expand");

    private EndpointReader() {
    }

    /** The endpoint, or {@code null} when it is another kind of REST endpoint (reported as an error). */
    static DeliveryEndpointDefinition read(Map<String, Object> raw, DefinitionContext context) {
        String className = Values.string(raw, "class");
        String type = Values.string(raw, "$type");
        boolean v2 = (className == null || className.equals(V2_CLASS)) && (type == null || type.equals(V2_TYPE));
        if (!v2) {
            String kind = type != null && !type.equals(V2_TYPE) ? type : className;
            context.error(type != null && !type.equals(V2_TYPE) ? "$type" : "class", "unsupported endpoint type "
                    + kind + ": the endpoint is not served (only " + V2_TYPE + " endpoints are)");
            return null;
        }
        for (String option : raw.keySet()) {
            if (!OPTIONS.contains(option)) {
                context.warning(option, "unsupported endpoint option '" + option + "'; ignored");
            }
        }
        String workspace = Values.string(raw, "workspace", "website");
        List<String> nodeTypes = raw.containsKey("nodeTypes") ? Values.strings(raw, "nodeTypes") : DEFAULT_NODE_TYPES;
        return new DeliveryEndpointDefinition(context.id(), endpointPath(raw, context.id()), workspace,
                Values.string(raw, "rootPath", "/"), integer(raw, "depth", 0, 0, context),
                nodeTypes, Values.strings(raw, "childNodeTypes"),
                bool(raw, "strict", false, context), bool(raw, "includeSystemProperties", true, context),
                Values.strings(raw, "systemProperties"), integer(raw, "limit", 10, 1, context),
                integer(raw, "referenceDepth", 1, -1, context), bool(raw, "referenceRepeat", false, context),
                bool(raw, "bypassWorkspaceAcls", false, context), references(raw, workspace, context), raw,
                bool(raw, "typedValues", false, context));
    }

    static String endpointPath(Map<String, Object> raw, String id) {
        String explicit = Values.string(raw, "endpointPath");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim().replaceAll("^/+|/+$", "");
        }
        String path = id.substring(id.indexOf(':') + 1);
        Matcher matcher = VERSION_SUFFIX.matcher(path);
        return matcher.matches() ? matcher.group(1) + "/" + matcher.group(2) : path;
    }

    /** A whole number of at least {@code min}; anything else is reported and replaced by the default. */
    private static int integer(Map<String, Object> raw, String key, int fallback, int min, DefinitionContext context) {
        if (!raw.containsKey(key) || raw.get(key) == null) {
            return fallback;
        }
        Integer value = Values.integer(raw, key);
        if (value == null || value < min || (raw.get(key) instanceof Number n && n.doubleValue() != n.intValue())) {
            context.warning(key, key + " '" + raw.get(key) + "' is not a whole number of at least " + min + "; "
                    + fallback + " used");
            return fallback;
        }
        return value;
    }

    /** {@code true} or {@code false}; anything else is reported and replaced by the default. */
    private static boolean bool(Map<String, Object> raw, String key, boolean fallback, DefinitionContext context) {
        Object value = raw.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        context.warning(key, key + " '" + value + "' is neither true nor false; " + fallback + " used");
        return fallback;
    }

    private static List<ReferenceDefinition> references(Map<String, Object> raw, String workspace,
                                                        DefinitionContext context) {
        List<ReferenceDefinition> references = new ArrayList<>();
        Values.named(raw.get("references")).forEach((name, reference) -> {
            Map<String, Object> resolver = Values.map(reference, "referenceResolver");
            String kind = resolverKind(resolver);
            if (kind == null) {
                context.warning("references", "reference '" + name + "' has no supported referenceResolver; ignored");
                return;
            }
            reference.keySet().stream().filter(k -> !REFERENCE_OPTIONS.contains(k)).forEach(k -> context.warning(
                    "references", "reference '" + name + "': unsupported option '" + k + "'; ignored"));
            resolver.keySet().stream().filter(k -> !RESOLVER_OPTIONS.contains(k)).forEach(k -> context.warning(
                    "references", "reference '" + name + "': unsupported referenceResolver option '" + k
                            + "'; ignored"));
            String propertyName = Values.string(reference, "propertyName", name);
            try {
                Pattern.compile(propertyName);
            } catch (PatternSyntaxException e) {
                context.warning("references", "reference '" + name + "': propertyName '" + propertyName
                        + "' is neither a property name nor a regular expression; ignored");
                return;
            }
            String target = Values.string(resolver, "targetWorkspace", kind.equals("asset") ? "dam" : workspace);
            boolean expand = bool(reference, "expand", true, context) && bool(resolver, "expand", true, context);
            references.add(new ReferenceDefinition(name, propertyName, kind, target,
                    Values.strings(resolver, "assetRenditions"), expand));
        });
        return references;
    }

    private static String resolverKind(Map<String, Object> resolver) {
        String name = Values.string(resolver, "$type", Values.string(resolver, "class", ""));
        if (name.equals("assetReferenceResolver") || name.endsWith(".AssetReferenceResolverDefinition")) {
            return "asset";
        }
        if (name.equals("jcrReferenceResolver") || name.endsWith(".JcrReferenceResolverDefinition")) {
            return "jcr";
        }
        return null;
    }
}
