package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.ContentStage;
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

    /** The asset node of an id ({@code jcr:<uuid>} or bare uuid) in the request's stage, or null if none is in {@code dam}. */
    static Node find(RenderContext context, String id) {
        return find(context.session(), context.stage(), id);
    }

    /** The asset node of an id ({@code jcr:<uuid>} or bare uuid) in a stage, or null if none is in {@code dam}. */
    public static Node find(Session session, ContentStage stage, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String uuid = id.startsWith("jcr:") ? id.substring(4) : id;
        try {
            Node node = stage.nodeByIdentifier(session, uuid.trim());
            String path = node.getPath();
            return path.startsWith(PREFIX) || path.startsWith(ContentStage.LIVE_ROOT + PREFIX) ? node : null;
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return null;
        } catch (RepositoryException e) {
            return null;
        }
    }

    /** {@code /dam/jcr:<uuid>/<fileName>}. */
    public static String link(Node asset) {
        try {
            return PREFIX + "jcr:" + ContentStage.identifier(asset) + "/" + LinkBuilder.encodeSegment(fileName(asset));
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
