package fr.usinesouvertes.platform.rendering;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * {@code damfn}: assets by id, and their renditions: a rendition name is an image variation of the site's theme
 * ({@code imaging.variations.<name>.width}), a width ({@code 480}, {@code w800}, {@code 960x540}) or one of Magnolia's
 * usual variation names ({@code thumbnail}, {@code small}, {@code medium}, {@code large}), served as the nearest of
 * {@link AssetRenditions#WIDTHS} for JPEG and PNG images;
 * any other name, or another kind of file, gives the original's link, as Magnolia does for a rendition it does not
 * know.
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

    public String getAssetLink(String id, String rendition) throws RepositoryException {
        Asset asset = getAsset(id);
        return asset == null ? null : asset.rendition(width(rendition));
    }

    public String getAssetLinkForId(String id) {
        return getAssetLink(id);
    }

    public String getAssetLinkForId(String id, String rendition) throws RepositoryException {
        return getAssetLink(id, rendition);
    }

    /** Magnolia's {@code damfn.getRendition(asset, name)}: the rendition, with its {@code link}; null without asset. */
    public Rendition getRendition(Object asset, String rendition) throws RepositoryException {
        Asset found = asset instanceof Asset given ? given : getAsset(String.valueOf(asset));
        return found == null ? null : new Rendition(found.rendition(width(rendition)), rendition);
    }

    /** The rendition's width: the site theme's image variation of that name, else the name read as a width. */
    private Integer width(String rendition) {
        Integer themed = rendition == null ? null
                : new SiteFunctions(context.registry(), context.site()).theme().variationWidth(rendition);
        return AssetRenditions.widthNamed(themed != null ? themed.toString() : rendition);
    }

    /** A rendition as {@code damfn.getRendition} returns it: {@code .link}, {@code .name}. */
    public record Rendition(String link, String name) {
        public String getLink() {
            return link;
        }

        public String getName() {
            return name;
        }
    }
}
