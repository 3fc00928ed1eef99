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
 */
public record DeliveryEndpointDefinition(String id, String endpointPath, String workspace, String rootPath,
                                         int depth, List<String> nodeTypes, List<String> childNodeTypes,
                                         boolean strict, boolean includeSystemProperties,
                                         List<String> systemProperties, int limit, int referenceDepth,
                                         boolean referenceRepeat, boolean bypassWorkspaceAcls,
                                         List<ReferenceDefinition> references, Map<String, Object> raw) {
}
