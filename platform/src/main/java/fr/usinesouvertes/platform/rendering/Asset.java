package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.ContentStage;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * An asset as {@code damfn.getAsset(id)} returns it: {@code .link}, {@code .title}, {@code .caption},
 * {@code .mimeType}, {@code .fileName}, {@code .width}, {@code .height}... Values are read from the
 * asset node, else from its {@code jcr:content} resource.
 */
public final class Asset {

    private final Node node;
    private final Node resource;

    Asset(Node node) throws RepositoryException {
        this.node = node;
        this.resource = AssetLinks.resource(node);
    }

    private String read(String property) {
        String value = NodeTypes.string(node, property);
        return value != null ? value : NodeTypes.string(resource, property);
    }

    public String getLink() {
        return AssetLinks.link(node);
    }

    public String getIdentifier() throws RepositoryException {
        return ContentStage.identifier(node);
    }

    public String getItemKey() throws RepositoryException {
        return "jcr:" + ContentStage.identifier(node);
    }

    public String getName() throws RepositoryException {
        return node.getName();
    }

    public String getPath() throws RepositoryException {
        String path = node.getPath();
        return path.substring(path.indexOf("/dam/") + "/dam".length());
    }

    public String getTitle() {
        return read("title");
    }

    public String getCaption() {
        return read("caption");
    }

    public String getDescription() {
        return read("description");
    }

    public String getCopyright() {
        return read("copyright");
    }

    public String getMimeType() {
        return NodeTypes.string(resource, "jcr:mimeType");
    }

    public String getFileName() throws RepositoryException {
        return AssetLinks.fileName(node);
    }

    public Long getWidth() {
        return number("width");
    }

    public Long getHeight() {
        return number("height");
    }

    public Long getFileSize() {
        Long size = number("size");
        try {
            if (size == null && resource != null && resource.hasProperty("jcr:data")) {
                return resource.getProperty("jcr:data").getLength();
            }
        } catch (RepositoryException e) {
            return null;
        }
        return size;
    }

    private Long number(String property) {
        String value = read(property);
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Node getJCRNode() {
        return node;
    }
}
