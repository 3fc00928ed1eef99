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

    private final long maxBytes;
    private final Clock clock;

    public AssetStore(long maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** A folder or asset row of a folder listing. */
    public record Entry(String path, String name, boolean folder, String id, String mimeType, String link, long size) {
    }

    /** Stores {@code file} in folder {@code folderPath} (inside {@code dam}); returns the asset node. */
    public Node upload(Session session, String folderPath, UploadedFile file, String by) throws RepositoryException {
        if (file == null || file.data().length == 0) {
            throw AuthoringException.invalid("Choisissez un fichier.", "Choose a file.");
        }
        if (file.data().length > maxBytes) {
            throw AuthoringException.invalid("Fichier trop volumineux : " + (maxBytes / 1024 / 1024) + " Mo au plus.",
                    "File too large: at most " + (maxBytes / 1024 / 1024) + " MB.");
        }
        AssetType type = AssetType.sniff(file.data());
        UploadedImages.Image image = type == AssetType.SVG || !type.isImage() ? null : checked(file.data());
        Node folder = folder(session, folderPath);
        String base = file.fileName() == null ? "" : file.fileName().replaceAll(".*[/\\\\]", "");
        String stem = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
        String name = NodeNames.free(folder, NodeNames.slug(stem).isEmpty() ? "fichier" : NodeNames.slug(stem));
        Node asset = folder.addNode(name, "mgnl:asset");
        asset.setProperty("name", name);
        asset.setProperty("type", type.extension());
        asset.setProperty("title", stem);
        Node resource = asset.addNode("jcr:content", "mgnl:resource");
        resource.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(file.data())));
        resource.setProperty("jcr:mimeType", type.mimeType());
        resource.setProperty("fileName", name + "." + type.extension());
        resource.setProperty("extension", type.extension());
        resource.setProperty("size", (long) file.data().length);
        resource.setProperty("jcr:lastModified", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
        if (type.isRaster()) {
            resource.setProperty("width", (long) image.width());
            resource.setProperty("height", (long) image.height());
        }
        FormSubmission.touch(asset, by, clock);
        return asset;
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
            String path = node.getPath().substring("/dam".length());
            if (node.isNodeType("mgnl:folder")) {
                folders.add(new Entry(path, node.getName(), true, node.getIdentifier(), "", "", 0));
            } else if (node.isNodeType("mgnl:asset") && node.hasNode("jcr:content")) {
                Node resource = node.getNode("jcr:content");
                String mime = resource.hasProperty("jcr:mimeType") ? resource.getProperty("jcr:mimeType").getString() : "";
                long size = resource.hasProperty("jcr:data") ? resource.getProperty("jcr:data").getLength() : 0;
                assets.add(new Entry(path, node.getName(), false, "jcr:" + node.getIdentifier(), mime,
                        fr.usinesouvertes.platform.rendering.AssetLinks.link(node), size));
            }
        }
        folders.addAll(assets);
        return folders;
    }

    /** The folder node at a path inside {@code dam} ({@code /} for the root). */
    public static Node folder(Session session, String path) throws RepositoryException {
        String jcrPath = path == null || path.isBlank() || path.equals("/") ? "/dam" : "/dam" + path;
        if ((path != null && (path.contains("..") || path.contains("["))) || !session.nodeExists(jcrPath)) {
            throw AuthoringException.notFound("Dossier introuvable.", "Folder not found.");
        }
        Node node = session.getNode(jcrPath);
        if (!jcrPath.equals("/dam") && !node.isNodeType("mgnl:folder")) {
            throw AuthoringException.notFound("Dossier introuvable.", "Folder not found.");
        }
        return node;
    }

    private static UploadedImages.Image checked(byte[] data) {
        try {
            return UploadedImages.check(data);
        } catch (UploadRefusedException e) {
            throw AuthoringException.invalid(e.messageFr(), e.messageEn());
        }
    }
}
