package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * A Delivery API endpoint (Magnolia's JCR "v2" endpoint), served at {@code /.rest/<endpointPath>}.
 *
 * @param endpointPath  e.g. {@code delivery/pages/v1}, from {@code endpointPath} or the file location
 * @param depth         child levels embedded under each returned node
 * @param limit         default page size of queries
 * @param referenceDepth how deep references inside resolved references are resolved; -1 is unlimited
 * @param typedValues   the platform's own option: numbers and booleans as JSON numbers and booleans instead
 *                      of Magnolia's strings
 */
public record DeliveryEndpointDefinition(String id, String endpointPath, String workspace, String rootPath,
                                         int depth, List<String> nodeTypes, List<String> childNodeTypes,
                                         boolean strict, boolean includeSystemProperties,
                                         List<String> systemProperties, int limit, int referenceDepth,
                                         boolean referenceRepeat, boolean bypassWorkspaceAcls,
                                         List<ReferenceDefinition> references, Map<String, Object> raw,
                                         boolean typedValues) {

    /** An endpoint answering values as Magnolia does: as strings. */
    public DeliveryEndpointDefinition(String id, String endpointPath, String workspace, String rootPath,
                                      int depth, List<String> nodeTypes, List<String> childNodeTypes,
                                      boolean strict, boolean includeSystemProperties,
                                      List<String> systemProperties, int limit, int referenceDepth,
                                      boolean referenceRepeat, boolean bypassWorkspaceAcls,
                                      List<ReferenceDefinition> references, Map<String, Object> raw) {
        this(id, endpointPath, workspace, rootPath, depth, nodeTypes, childNodeTypes, strict, includeSystemProperties,
                systemProperties, limit, referenceDepth, referenceRepeat, bypassWorkspaceAcls, references, raw, false);
    }
}
