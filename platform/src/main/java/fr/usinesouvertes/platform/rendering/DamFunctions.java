package fr.usinesouvertes.platform.rendering;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * {@code damfn}: assets by id. Renditions are not generated: every rendition name gives the original's
 * link, which is what Magnolia serves when a rendition is not configured.
 */
public final class DamFunctions {

    private final RenderContext context;

    DamFunctions(RenderContext context) {
        this.context = context;
    }

    /** The asset of an id ({@code jcr:<uuid>} or bare uuid), or null. */
    public Asset getAsset(String id) throws RepositoryException {
        Node node = AssetLinks.find(context, id);
        return node == null ? null : new Asset(node, context.language());
    }

    /** The asset at a path of workspace {@code dam} (the workspace argument is Magnolia's provider id). */
    public Asset getAsset(String workspace, String path) throws RepositoryException {
        Node node = context.nodeOrNull(context.jcrPath("dam", path));
        return node == null ? null : new Asset(node, context.language());
    }

    public Asset getAssetForId(String id) throws RepositoryException {
        return getAsset(id);
    }

    public String getAssetLink(String id) {
        Node node = AssetLinks.find(context, id);
        return node == null ? null : AssetLinks.link(node);
    }

    public String getAssetLink(String id, String rendition) {
        return getAssetLink(id);
    }

    public String getAssetLinkForId(String id) {
        return getAssetLink(id);
    }

    public String getAssetLinkForId(String id, String rendition) {
        return getAssetLink(id);
    }
}
