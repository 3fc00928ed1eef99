package fr.usinesouvertes.platform.rendering;

import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Asset ids and links: an asset is an {@code mgnl:asset} node of workspace {@code dam} whose
 * {@code jcr:content} child holds the file; its id is {@code jcr:<uuid>} (or the bare uuid) and its
 * link {@code /dam/jcr:<uuid>/<fileName>}, the format the Delivery API produces too.
 */
public final class AssetLinks {

    static final String PREFIX = "/dam/";
    static final String RESOURCE = "jcr:content";

    private AssetLinks() {
    }

    /** The asset node of an id ({@code jcr:<uuid>} or bare uuid), or null if none is in {@code dam}. */
    public static Node find(Session session, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String uuid = id.startsWith("jcr:") ? id.substring(4) : id;
        try {
            Node node = session.getNodeByIdentifier(uuid.trim());
            return node.getPath().startsWith(PREFIX) ? node : null;
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return null;
        } catch (RepositoryException e) {
            return null;
        }
    }

    /** {@code /dam/jcr:<uuid>/<fileName>}. */
    public static String link(Node asset) {
        try {
            return PREFIX + "jcr:" + asset.getIdentifier() + "/" + LinkBuilder.encodeSegment(fileName(asset));
        } catch (RepositoryException e) {
            return null;
        }
    }

    /** The file name stored with the asset, else the node's name. */
    static String fileName(Node asset) throws RepositoryException {
        Node resource = resource(asset);
        String fileName = NodeTypes.string(resource, "fileName");
        if (fileName == null || fileName.isBlank()) {
            return asset.getName();
        }
        String extension = NodeTypes.string(resource, "extension");
        return extension != null && !fileName.contains(".") ? fileName + "." + extension : fileName;
    }

    static Node resource(Node asset) throws RepositoryException {
        return asset.hasNode(RESOURCE) ? asset.getNode(RESOURCE) : null;
    }
}
