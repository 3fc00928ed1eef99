package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.ContentStage;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * An asset as {@code damfn.getAsset(id)} returns it: {@code .link}, {@code .title}, {@code .alt},
 * {@code .caption}, {@code .copyright} (or {@code .credit}), {@code .language}, {@code .mimeType},
 * {@code .fileName}, {@code .width}, {@code .height}... Values are read from the asset node, else from its
 * {@code jcr:content} resource. Title, alternative text and caption are in the page's language: in English,
 * {@code title_en} when it is set, else {@code title}.
 */
public final class Asset {

    private final Node node;
    private final Node resource;
    private final String language;

    /** {@code language}: the language of the page rendering it ({@code fr}, the default, or {@code en}). */
    Asset(Node node, String language) throws RepositoryException {
        this.node = node;
        this.resource = AssetLinks.resource(node);
        this.language = language;
    }

    private String read(String property) {
        String value = NodeTypes.string(node, property);
        return value != null ? value : NodeTypes.string(resource, property);
    }

    /** The property in the page's language, else the default one; blank values count as unset. */
    private String localized(String property) {
        if (language != null && !RenderContext.DEFAULT_LANGUAGE.equals(language)) {
            String value = NodeTypes.string(node, property + "_" + language);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        String value = read(property);
        return value == null || value.isBlank() ? null : value;
    }

    public String getLink() {
        return AssetLinks.link(node);
    }

    /**
     * The link of the image at one of {@link AssetRenditions#WIDTHS} ({@code /dam/jcr:<uuid>/w800/<fileName>}); the
     * file's own link when no rendition is made of it (not a JPEG or PNG) or {@code width} is not offered.
     */
    public String rendition(Integer width) {
        String link = getLink();
        if (link == null || width == null || !AssetRenditions.WIDTHS.contains(width)
                || !AssetRenditions.renders(getMimeType())) {
            return link;
        }
        int slash = link.lastIndexOf('/');
        return link.substring(0, slash) + "/w" + width + link.substring(slash);
    }

    /**
     * The image's {@code srcset}: its renditions narrower than the image, then the file at its own width; null for a
     * file without renditions. With {@code sizes}, browsers take the smallest that fills the place on the screen.
     */
    public String getSrcset() {
        if (getLink() == null || !AssetRenditions.renders(getMimeType())) {
            return null;
        }
        Long width = getWidth();
        StringBuilder srcset = new StringBuilder();
        for (int offered : AssetRenditions.WIDTHS) {
            if (width == null || offered < width) {
                srcset.append(srcset.length() == 0 ? "" : ", ").append(rendition(offered)).append(' ').append(offered)
                        .append('w');
            }
        }
        if (width != null) {
            srcset.append(srcset.length() == 0 ? "" : ", ").append(getLink()).append(' ').append(width).append('w');
        }
        return srcset.toString();
    }

    /**
     * Where the image's subject is, as CSS {@code object-position} ({@code 30% 65%}): what stays in view when the site
     * crops the image. Stored by the media library as {@code focalPoint} ({@code 30 65}, percentages from the left and
     * the top); {@code 50% 50%}, the middle, when unset or unreadable.
     */
    public String getFocalPoint() {
        return FocalPoint.parse(read("focalPoint")).map(FocalPoint::css).orElse("50% 50%");
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
        return localized("title");
    }

    /** The alternative text of an image ({@code alternative}); null when none is set (a decorative image). */
    public String getAlt() {
        return localized("alternative");
    }

    public String getAlternative() {
        return getAlt();
    }

    public String getCaption() {
        return localized("caption");
    }

    public String getDescription() {
        return localized("description");
    }

    /** The credit or copyright notice to show with the image. */
    public String getCopyright() {
        String value = read("copyright");
        return value == null || value.isBlank() ? null : value;
    }

    public String getCredit() {
        return getCopyright();
    }

    /** The language of the file's content (ISO 639-1, e.g. {@code fr}), or null. */
    public String getLanguage() {
        String value = read("language");
        return value == null || value.isBlank() ? null : value;
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
