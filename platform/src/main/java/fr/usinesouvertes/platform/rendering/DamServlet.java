package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.uploads.UploadedFileHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Calendar;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * Serves asset files at their links, {@code /dam/jcr:<uuid>/<fileName>}: the {@code jcr:data} of the
 * asset's {@code jcr:content}, with its MIME type, {@code Content-Length}, an ETag, {@code Last-Modified},
 * {@code Cache-Control: public, max-age=3600} and 304 answers. The file name part is informative (links
 * stay valid when a file is renamed). Anything else is 404. The site's servlet serves published assets
 * ({@link ContentStage#PUBLIC}); an unpublished asset answers 404. {@code /dam/jcr:<uuid>/w<width>/<fileName>}
 * serves a JPEG rendition of a JPEG or PNG asset at one of {@link AssetRenditions#WIDTHS}. Files and
 * renditions carry the headers of uploaded files ({@link UploadedFileHeaders}: {@code nosniff}, a sandboxing
 * Content-Security-Policy, and {@code attachment} for anything but images, video and audio), here and through
 * the back office's draft URLs alike.
 */
public final class DamServlet extends HttpServlet {

    private final transient ContentRepository repository;
    private final transient ContentStage stage;
    private final transient AssetRenditions renditions;

    /** Serves {@code stage}'s assets; {@code renditions} is shared by a platform's asset servlets. */
    public DamServlet(ContentRepository repository, ContentStage stage, AssetRenditions renditions) {
        this.repository = repository;
        this.stage = stage;
        this.renditions = renditions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request.getPathInfo(), request, response);
    }

    /** Serves the asset of {@code path} ({@code /jcr:<uuid>/<fileName>}, the part after {@code /dam}). */
    void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (path == null || !path.startsWith("/jcr:")) {
            WebResourceServlet.notFound(response);
            return;
        }
        int end = path.indexOf('/', 1);
        String id = path.substring(1, end < 0 ? path.length() : end);
        Integer width = end < 0 ? null : AssetRenditions.widthOf(path.substring(end + 1));
        boolean served;
        try {
            served = repository.read(session -> width != null
                    ? serveRendition(AssetLinks.find(session, stage, id), width, request, response, stage.isPublic())
                    : serve(AssetLinks.find(session, stage, id), request, response, stage.isPublic()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (!served) {
            WebResourceServlet.notFound(response);
        }
    }

    private static boolean serve(Node asset, HttpServletRequest request, HttpServletResponse response, boolean shared)
            throws RepositoryException {
        Node resource = asset == null ? null : AssetLinks.resource(asset);
        if (resource == null || !resource.hasProperty("jcr:data")) {
            return false;
        }
        long size = resource.getProperty("jcr:data").getLength();
        long lastModified = lastModified(asset, resource);
        String etag = "\"" + version(asset, resource, lastModified) + "-" + size + "\"";
        if (HttpCaching.answeredNotModified(request, response, etag, lastModified,
                shared ? WebResourceServlet.FILE : CacheControl.PRIVATE)) {
            return true;
        }
        String fileName = AssetLinks.fileName(asset);
        String mimeType = NodeTypes.string(resource, "jcr:mimeType");
        UploadedFileHeaders.set(response, mimeType != null ? mimeType : MediaTypes.of(fileName), fileName);
        response.setContentLengthLong(size);
        Binary binary = resource.getProperty("jcr:data").getBinary();
        try (InputStream in = binary.getStream()) {
            in.transferTo(response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            binary.dispose();
        }
        return true;
    }

    /** A JPEG rendition ({@code /dam/jcr:<uuid>/w800/<fileName>}) of a JPEG or PNG asset, cached like the file. */
    private boolean serveRendition(Node asset, int width, HttpServletRequest request,
                                          HttpServletResponse response, boolean shared) throws RepositoryException {
        Node resource = asset == null ? null : AssetLinks.resource(asset);
        String mimeType = resource == null ? null : NodeTypes.string(resource, "jcr:mimeType");
        if (resource == null || !resource.hasProperty("jcr:data")
                || !("image/jpeg".equals(mimeType) || "image/png".equals(mimeType))) {
            return false;
        }
        long lastModified = lastModified(asset, resource);
        String version = version(asset, resource, lastModified);
        String etag = "\"" + version + "-w" + width + "\"";
        if (HttpCaching.answeredNotModified(request, response, etag, lastModified,
                shared ? WebResourceServlet.FILE : CacheControl.PRIVATE_REVALIDATE)) {
            return true;
        }
        Binary binary = resource.getProperty("jcr:data").getBinary();
        try (InputStream in = binary.getStream()) {
            byte[] jpeg = renditions.jpeg(version, width, in);
            UploadedFileHeaders.set(response, "image/jpeg", null);
            response.setContentLength(jpeg.length);
            response.getOutputStream().write(jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            binary.dispose();
        }
        return true;
    }

    /**
     * What changes whenever the file does: the node, its modification time and the binary's content identity
     * when Oak gives one (a replaced file gets new renditions and ETags even within the same millisecond).
     */
    private static String version(Node asset, Node resource, long lastModified) throws RepositoryException {
        String version = asset.getIdentifier() + "-" + Long.toString(lastModified, 36);
        javax.jcr.Value data = resource.getProperty("jcr:data").getValue();
        String identity = data instanceof org.apache.jackrabbit.api.JackrabbitValue value ? value.getContentIdentity() : null;
        return identity == null ? version : version + "-" + Integer.toString(identity.hashCode() & 0x7fffffff, 36);
    }

    private static long lastModified(Node asset, Node resource) throws RepositoryException {
        for (Node node : new Node[] {resource, asset}) {
            for (String property : new String[] {"jcr:lastModified", "mgnl:lastModified", "mgnl:created", "jcr:created"}) {
                if (node.hasProperty(property)) {
                    Calendar date = node.getProperty(property).getDate();
                    return date.getTimeInMillis();
                }
            }
        }
        return 0;
    }
}
