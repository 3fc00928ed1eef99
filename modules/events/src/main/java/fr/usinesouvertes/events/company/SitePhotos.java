package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.company.Slugs;
import fr.usinesouvertes.events.company.CompanySites;
import fr.usinesouvertes.events.company.CompanySession;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.uploads.UploadRefusedException;
import fr.usinesouvertes.platform.uploads.UploadedImages;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Photos of an industrial site, uploaded by its company and stored on the site node
 * ({@code photos/<n>}: {@code data} binary, {@code mimeType}, {@code alt}). An image is checked whole before
 * it is stored, by the platform's {@link UploadedImages} (JPEG, PNG or WebP by its signature, at most
 * {@link UploadedImages#MAX_PIXELS} pixels, JPEG and PNG decoded to the last row, WebP's container checked).
 * The company manages them on its own session; the public gets them only once the site has a published (or
 * full) event sheet.
 */
public final class SitePhotos {

    public static final int MAX_PHOTOS = 6;
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final String FOLDER = "photos";

    private final ContentRepository repository;

    public SitePhotos(ContentRepository repository) {
        this.repository = repository;
    }

    /** A stored photo: its node name, description and type. */
    public record Photo(String name, String alt, String mimeType) {
    }

    /** A photo with its bytes, to serve. */
    public record PhotoData(String mimeType, byte[] data) {
    }

    public List<Photo> list(CompanySession company, String slug) {
        return company.read(session -> photos(CompanySites.ownSite(session, company, slug)));
    }

    /**
     * Adds a photo to one of the company's sites; refused (naming the field, {@code image} or {@code alt}) when
     * not a whole image, too large, without description, or one too many.
     */
    public void add(CompanySession company, String slug, byte[] data, String alt) {
        if (data.length == 0 || data.length > MAX_BYTES) {
            throw new RefusedException("image", "L'image doit peser au plus " + MAX_BYTES / 1024 / 1024 + " Mo.");
        }
        String type;
        try {
            type = UploadedImages.check(data).mimeType();
        } catch (UploadRefusedException e) {
            throw new RefusedException("image", e.messageFr());
        }
        String description = alt == null ? "" : alt.strip();
        if (description.isEmpty() || description.length() > 200) {
            throw new RefusedException("alt", "Décrivez l'image en quelques mots (200 caractères au plus).");
        }
        company.write(session -> {
            Node site = CompanySites.ownSite(session, company, slug);
            Node folder = site.hasNode(FOLDER) ? site.getNode(FOLDER) : site.addNode(FOLDER); // default type, see EventSheets
            if (photos(site).size() >= MAX_PHOTOS) {
                throw new RefusedException("image", "Au plus " + MAX_PHOTOS + " photos par site.");
            }
            String name = Long.toString(System.nanoTime(), 36);
            Node photo = folder.addNode(name);
            Binary binary = session.getValueFactory().createBinary(new ByteArrayInputStream(data));
            photo.setProperty("data", binary);
            photo.setProperty("mimeType", type);
            photo.setProperty("alt", description);
            return null;
        });
    }

    public void remove(CompanySession company, String slug, String name) {
        company.write(session -> {
            Node site = CompanySites.ownSite(session, company, slug);
            if (!isName(name) || !site.hasNode(FOLDER + "/" + name)) {
                throw new NotFoundException("Photo " + name);
            }
            site.getNode(FOLDER + "/" + name).remove();
            return null;
        });
    }

    /** A photo of one of the company's sites, for its own preview. */
    public Optional<PhotoData> forCompany(CompanySession company, String slug, String name) {
        return company.read(session -> data(CompanySites.ownSite(session, company, slug), name));
    }

    /** A photo for the public: only when the site has a published or full event sheet. */
    public Optional<PhotoData> forPublic(String slug, String name) {
        if (!Slugs.of(slug).equals(slug)) {
            return Optional.empty();
        }
        return repository.read(session -> {
            String path = CompanySites.ROOT + "/" + slug;
            return session.nodeExists(path) && approved(session, slug) ? data(session.getNode(path), name)
                    : Optional.<PhotoData>empty();
        });
    }

    /** The public photos of a site (empty unless approved), for the site page. */
    public List<Photo> publicPhotos(String slug) {
        if (slug == null || !Slugs.of(slug).equals(slug)) {
            return List.of();
        }
        return repository.read(session -> {
            String path = CompanySites.ROOT + "/" + slug;
            return session.nodeExists(path) && approved(session, slug) ? photos(session.getNode(path)) : List.<Photo>of();
        });
    }

    private static boolean approved(Session session, String slug) throws RepositoryException {
        for (NodeIterator years = session.getNode(EventSheets.ROOT).getNodes(); years.hasNext(); ) {
            Node year = years.nextNode();
            if (year.hasNode(slug)) {
                String status = EventSheets.text(year.getNode(slug), "status");
                if (status.equals(EventSheets.PUBLISHED) || status.equals("full")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Photo> photos(Node site) throws RepositoryException {
        List<Photo> photos = new ArrayList<>();
        if (site.hasNode(FOLDER)) {
            for (NodeIterator it = site.getNode(FOLDER).getNodes(); it.hasNext(); ) {
                Node photo = it.nextNode();
                if (photo.hasProperty("data")) {
                    photos.add(new Photo(photo.getName(), EventSheets.text(photo, "alt"), EventSheets.text(photo, "mimeType")));
                }
            }
        }
        return photos;
    }

    private static Optional<PhotoData> data(Node site, String name) throws RepositoryException {
        if (!isName(name) || !site.hasNode(FOLDER + "/" + name)) {
            return Optional.empty();
        }
        Node photo = site.getNode(FOLDER + "/" + name);
        try (java.io.InputStream in = photo.getProperty("data").getBinary().getStream()) {
            return Optional.of(new PhotoData(EventSheets.text(photo, "mimeType"), in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new RepositoryException("Photo " + photo.getPath() + " cannot be read", e);
        }
    }

    private static boolean isName(String name) {
        return name != null && name.matches("[a-z0-9]{1,20}");
    }
}
