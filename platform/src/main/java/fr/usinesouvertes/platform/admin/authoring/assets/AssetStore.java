package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.NodeNames;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.admin.authoring.form.UploadedFile;
import fr.usinesouvertes.platform.uploads.UploadRefusedException;
import fr.usinesouvertes.platform.uploads.UploadedImages;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Stores uploaded files in {@code dam} as Magnolia assets: an {@code mgnl:asset} node whose
 * {@code jcr:content} ({@code mgnl:resource}) holds {@code jcr:data}, {@code jcr:mimeType}, {@code fileName},
 * {@code extension}, {@code size} and, for raster images, {@code width} and {@code height}; folders are
 * {@code mgnl:folder}. Images are checked whole before anything is stored ({@link UploadedImages}: pixel
 * limit, JPEG and PNG decoded to the end, WebP container). Works on a session the caller saves.
 */
public final class AssetStore {

    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("(/[^/\\[\\]|*\\t\\r\\n]+)+");

    private final long maxBytes;
    private final Clock clock;

    public AssetStore(long maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** A folder or asset row of a folder listing or a search: {@code title} is the asset's (French) title, else its name. */
    public record Entry(String path, String name, boolean folder, String id, String mimeType, String link, long size,
                        String title) {
    }

    /** Stores {@code file} in folder {@code folderPath} (inside {@code dam}); returns the asset node. */
    public Node upload(Session session, String folderPath, UploadedFile file, String by) throws RepositoryException {
        Checked checked = check(file);
        Node folder = folder(session, folderPath);
        String base = file.fileName() == null ? "" : file.fileName().replaceAll(".*[/\\\\]", "");
        String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        String name = NodeNames.free(folder, NodeNames.slug(stem).isEmpty() ? "fichier" : NodeNames.slug(stem));
        Node asset = folder.addNode(name, "mgnl:asset");
        asset.setProperty("name", name);
        asset.setProperty("title", stem);
        store(asset, asset.addNode("jcr:content", "mgnl:resource"), checked, by);
        return asset;
    }

    /**
     * Replaces the file of the asset at {@code path} with {@code file}, checked as an upload: the asset keeps
     * its node, uuid, name and metadata, so every link to it ({@code /dam/jcr:<uuid>/...}, {@code jcr:<uuid>}
     * in content) shows the new file; its file name takes the new type's extension, and the new
     * {@code jcr:lastModified} gives its renditions and ETags a new version. Returns the asset node.
     */
    public Node replace(Session session, String path, UploadedFile file, String by) throws RepositoryException {
        Checked checked = check(file);
        Node asset = asset(session, path);
        Node resource = asset.hasNode("jcr:content") ? asset.getNode("jcr:content")
                : asset.addNode("jcr:content", "mgnl:resource");
        for (String stale : new String[] {"width", "height"}) {
            if (resource.hasProperty(stale)) {
                resource.getProperty(stale).remove();
            }
        }
        store(asset, resource, checked, by);
        return asset;
    }

    private void store(Node asset, Node resource, Checked checked, String by) throws RepositoryException {
        AssetType type = checked.type();
        byte[] data = checked.data();
        asset.setProperty("type", type.extension());
        resource.setProperty("jcr:data", asset.getSession().getValueFactory().createBinary(new ByteArrayInputStream(data)));
        resource.setProperty("jcr:mimeType", type.mimeType());
        resource.setProperty("fileName", asset.getName() + "." + type.extension());
        resource.setProperty("extension", type.extension());
        resource.setProperty("size", (long) data.length);
        resource.setProperty("jcr:lastModified", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
        if (type.isRaster()) {
            resource.setProperty("width", (long) checked.image().width());
            resource.setProperty("height", (long) checked.image().height());
        }
        FormSubmission.touch(asset, by, clock);
    }

    /** A file accepted for storage: its bytes, sniffed type and, for JPEG, PNG and WebP, its checked header. */
    private record Checked(byte[] data, AssetType type, UploadedImages.Image image) {
    }

    private Checked check(UploadedFile file) {
        if (file == null || file.data().length == 0) {
            throw AuthoringException.invalid("Choisissez un fichier.", "Choose a file.");
        }
        if (file.data().length > maxBytes) {
            throw AuthoringException.invalid("Fichier trop volumineux : " + (maxBytes / 1024 / 1024) + " Mo au plus.",
                    "File too large: at most " + (maxBytes / 1024 / 1024) + " MB.");
        }
        AssetType type = AssetType.sniff(file.data());
        UploadedImages.Image image = type == AssetType.SVG || !type.isImage() ? null : checked(file.data());
        return new Checked(file.data(), type, image);
    }

    /** Creates a folder under {@code parentPath}; returns its path inside {@code dam}. */
    public String createFolder(Session session, String parentPath, String name) throws RepositoryException {
        Node parent = folder(session, parentPath);
        NodeNames.check(name);
        NodeNames.checkFree(parent, name);
        return parent.addNode(name, "mgnl:folder").getPath().substring("/dam".length());
    }

    /** The folders then the assets of a folder. */
    public List<Entry> list(Session session, String folderPath) throws RepositoryException {
        List<Entry> folders = new ArrayList<>();
        List<Entry> assets = new ArrayList<>();
        for (NodeIterator nodes = folder(session, folderPath).getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            if (node.isNodeType("mgnl:folder")) {
                folders.add(entry(node));
            } else if (node.isNodeType("mgnl:asset") && node.hasNode("jcr:content")) {
                assets.add(entry(node));
            }
        }
        folders.addAll(assets);
        return folders;
    }

    /**
     * The assets below folder {@code folderPath} (at any depth) whose name, title (French or English) or file
     * name contains {@code query}, case and accents ignored; at most {@code limit}, in tree order.
     */
    public List<Entry> search(Session session, String folderPath, String query, int limit) throws RepositoryException {
        List<Entry> found = new ArrayList<>();
        String needle = fold(query);
        if (!needle.isEmpty()) {
            search(folder(session, folderPath), needle, limit, found);
        }
        return found;
    }

    /** Every asset of the media library (at any depth), at most {@code limit}, in tree order. */
    public List<Entry> all(Session session, int limit) throws RepositoryException {
        List<Entry> found = new ArrayList<>();
        search(folder(session, "/"), "", limit, found);
        return found;
    }

    private void search(Node folder, String needle, int limit, List<Entry> found) throws RepositoryException {
        for (NodeIterator nodes = folder.getNodes(); nodes.hasNext() && found.size() < limit; ) {
            Node node = nodes.nextNode();
            if (node.isNodeType("mgnl:folder")) {
                search(node, needle, limit, found);
            } else if (node.isNodeType("mgnl:asset") && node.hasNode("jcr:content")
                    && (needle.isEmpty() || matches(node, needle))) {
                found.add(entry(node));
            }
        }
    }

    private static boolean matches(Node asset, String needle) throws RepositoryException {
        if (fold(asset.getName()).contains(needle)) {
            return true;
        }
        for (String property : new String[] {"title", "title_en"}) {
            if (asset.hasProperty(property) && fold(asset.getProperty(property).getString()).contains(needle)) {
                return true;
            }
        }
        Node resource = asset.getNode("jcr:content");
        return resource.hasProperty("fileName") && fold(resource.getProperty("fileName").getString()).contains(needle);
    }

    /** Lower case without accents, for searching. */
    static String fold(String text) {
        String plain = java.text.Normalizer.normalize(text == null ? "" : text.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.toLowerCase(java.util.Locale.ROOT);
    }

    /** The listing row of a folder or asset node. */
    public static Entry entry(Node node) throws RepositoryException {
        String path = node.getPath().substring("/dam".length());
        String title = node.hasProperty("title") && !node.getProperty("title").getString().isBlank()
                ? node.getProperty("title").getString() : node.getName();
        if (node.isNodeType("mgnl:folder")) {
            return new Entry(path, node.getName(), true, node.getIdentifier(), "", "", 0, title);
        }
        Node resource = node.hasNode("jcr:content") ? node.getNode("jcr:content") : null;
        String mime = resource != null && resource.hasProperty("jcr:mimeType")
                ? resource.getProperty("jcr:mimeType").getString() : "";
        long size = resource != null && resource.hasProperty("jcr:data") ? resource.getProperty("jcr:data").getLength() : 0;
        return new Entry(path, node.getName(), false, "jcr:" + node.getIdentifier(), mime,
                fr.usinesouvertes.platform.rendering.AssetLinks.link(node), size, title);
    }

    /** The asset node at a path inside {@code dam}; 404 when there is none. */
    public static Node asset(Session session, String path) throws RepositoryException {
        String jcrPath = "/dam" + (path == null ? "" : path);
        if (!isPath(path) || !session.nodeExists(jcrPath) || !session.getNode(jcrPath).isNodeType("mgnl:asset")) {
            throw AuthoringException.notFound("Fichier introuvable.", "File not found.");
        }
        return session.getNode(jcrPath);
    }

    /** The folder node at a path inside {@code dam} ({@code /} for the root). */
    public static Node folder(Session session, String path) throws RepositoryException {
        String jcrPath = path == null || path.isBlank() || path.equals("/") ? "/dam" : "/dam" + path;
        if (!jcrPath.equals("/dam") && !isPath(path) || !session.nodeExists(jcrPath)) {
            throw AuthoringException.notFound("Dossier introuvable.", "Folder not found.");
        }
        Node node = session.getNode(jcrPath);
        if (!jcrPath.equals("/dam") && !node.isNodeType("mgnl:folder")) {
            throw AuthoringException.notFound("Dossier introuvable.", "Folder not found.");
        }
        return node;
    }

    /** Whether {@code path} is a well-formed path inside {@code dam} ({@code /presse/kit}): never {@code ..} nor JCR syntax. */
    static boolean isPath(String path) {
        return path != null && PATH.matcher(path).matches() && !path.contains("/../") && !path.endsWith("/..")
                && !path.contains("/./") && !path.endsWith("/.");
    }

    private static UploadedImages.Image checked(byte[] data) {
        try {
            return UploadedImages.check(data);
        } catch (UploadRefusedException e) {
            throw AuthoringException.invalid(e.messageFr(), e.messageEn());
        }
    }
}
