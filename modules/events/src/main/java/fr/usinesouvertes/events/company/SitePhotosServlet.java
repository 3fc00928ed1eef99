package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.uploads.UploadedFileHeaders;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves the photos of approved sites to the public at {@value #PATH}{@code /<site slug>/<photo>}; 404 otherwise. */
public final class SitePhotosServlet extends HttpServlet {

    public static final String PATH = "/photos-usines";

    private final transient SitePhotos photos;

    public SitePhotosServlet(SitePhotos photos) {
        this.photos = photos;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = AdminRequests.segments(request);
        Optional<SitePhotos.PhotoData> photo = path.length == 2 ? photos.forPublic(path[0], path[1]) : Optional.empty();
        if (photo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        write(response, photo.get(), "public, max-age=600");
    }

    /** Writes a photo with its type and the platform's headers of uploaded files (no sniffing, sandboxed). */
    static void write(HttpServletResponse response, SitePhotos.PhotoData photo, String cacheControl) throws IOException {
        UploadedFileHeaders.set(response, photo.mimeType(), null);
        response.setHeader("Cache-Control", cacheControl);
        response.setContentLength(photo.data().length);
        response.getOutputStream().write(photo.data());
    }
}
