package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.ReferenceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Delivery API endpoints (Magnolia's JCR "v2" endpoint, {@code class: ...jcr.v2.JcrDeliveryEndpointDefinition}
 * or {@code $type: jcrDeliveryEndpoint_v2}; a file with neither is read as one too). Without {@code endpointPath}
 * the path is derived from the file as Magnolia does: the path inside {@code restEndpoints/} without
 * {@code .yaml}, a final {@code _v<n>} becoming {@code /v<n>} ({@code delivery/pages_v1} → {@code delivery/pages/v1}).
 * Defaults are those of Magnolia's schema: workspace {@code website}, rootPath {@code /}, depth 0, limit 10,
 * referenceDepth 1.
 */
final class EndpointReader {

    static final String V2_CLASS = "info.magnolia.rest.delivery.jcr.v2.JcrDeliveryEndpointDefinition";
    static final String V2_TYPE = "jcrDeliveryEndpoint_v2";
    private static final Pattern VERSION_SUFFIX = Pattern.compile("^(.*)_(v\\d+)$");

    private EndpointReader() {
    }

    /** The endpoint, or {@code null} when it is another kind of REST endpoint (reported by the class scan). */
    static DeliveryEndpointDefinition read(Map<String, Object> raw, DefinitionContext context) {
        String className = Values.string(raw, "class");
        String type = Values.string(raw, "$type");
        boolean v2 = (className == null || className.equals(V2_CLASS)) && (type == null || type.equals(V2_TYPE));
        if (!v2) {
            return null;
        }
        String workspace = Values.string(raw, "workspace", "website");
        return new DeliveryEndpointDefinition(context.id(), endpointPath(raw, context.id()), workspace,
                Values.string(raw, "rootPath", "/"), Values.integer(raw, "depth", 0),
                Values.strings(raw, "nodeTypes"), Values.strings(raw, "childNodeTypes"),
                Values.bool(raw, "strict", false), Values.bool(raw, "includeSystemProperties", false),
                Values.strings(raw, "systemProperties"), Values.integer(raw, "limit", 10),
                Values.integer(raw, "referenceDepth", 1), Values.bool(raw, "referenceRepeat", false),
                Values.bool(raw, "bypassWorkspaceAcls", false), references(raw, workspace, context), raw);
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
            String target = Values.string(resolver, "targetWorkspace", kind.equals("asset") ? "dam" : workspace);
            references.add(new ReferenceDefinition(name, Values.string(reference, "propertyName", name), kind,
                    target, Values.strings(resolver, "assetRenditions")));
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
