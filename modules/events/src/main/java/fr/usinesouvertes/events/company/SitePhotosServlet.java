package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.uploads.UploadedFileHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves the photos of approved sites to the public at {@value #PATH}{@code /<site slug>/<photo>}; 404 otherwise. */
public final class SitePhotosServlet extends HttpServlet {

    public static final String PATH = "/photos-usines";

    private static final Router<String> ROUTES = Router.<String>builder().get("/{slug}/{name}", "photo").build();

    private final transient SitePhotos photos;

    public SitePhotosServlet(SitePhotos photos) {
        this.photos = photos;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SitePhotos.PhotoData> photo = ROUTES.find(request.getMethod(), request.getPathInfo())
                .flatMap(route -> photos.forPublic(route.get("slug"), route.get("name")));
        if (photo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        write(response, photo.get(), CacheControl.publicFor(java.time.Duration.ofMinutes(10)));
    }

    /** Writes a photo with its type and the platform's headers of uploaded files (no sniffing, sandboxed). */
    static void write(HttpServletResponse response, SitePhotos.PhotoData photo, String cacheControl) throws IOException {
        UploadedFileHeaders.set(response, photo.mimeType(), null);
        response.setHeader("Cache-Control", cacheControl);
        response.setContentLength(photo.data().length);
        response.getOutputStream().write(photo.data());
    }
}
