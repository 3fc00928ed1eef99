package fr.usinesouvertes.platform.delivery;

import javax.jcr.Node;

/**
 * Decides whether the Delivery API may show a node to the public. The default shows everything in an
 * endpoint's subtree; the publishing workflow plugs in a stricter one (published state only, no drafts).
 */
@FunctionalInterface
public interface DeliveryVisibility {

    /** Shows every node the endpoint's workspace, root path and node types let through. */
    DeliveryVisibility ALL = node -> true;

    /** Whether {@code node} may be served; a hidden node is answered as if it did not exist. */
    boolean isVisible(Node node) throws javax.jcr.RepositoryException;
}
