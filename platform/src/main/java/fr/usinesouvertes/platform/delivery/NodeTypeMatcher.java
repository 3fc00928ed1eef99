package fr.usinesouvertes.platform.delivery;

import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * Whether a node's type is one of an endpoint's node types: with {@code strict} only the exact primary
 * type counts, otherwise subtypes and mixins count too (JCR's {@code isNodeType}). An empty list accepts
 * every node type. Oak's own nodes ({@code rep:*}, e.g. access-control policies) are never accepted.
 */
record NodeTypeMatcher(List<String> types, boolean strict) {

    boolean matches(Node node) throws RepositoryException {
        String primary = node.getPrimaryNodeType().getName();
        if (primary.startsWith("rep:") || node.getName().startsWith("rep:")) {
            return false;
        }
        if (types == null || types.isEmpty()) {
            return true;
        }
        for (String type : types) {
            if (strict ? primary.equals(type) : node.isNodeType(type)) {
                return true;
            }
        }
        return false;
    }
}
