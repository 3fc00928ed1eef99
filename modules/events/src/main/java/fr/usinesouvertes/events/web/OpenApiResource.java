package fr.usinesouvertes.events.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI 3 description of the platform's public JSON APIs at {@code /.rest/openapi.yaml}. */
@Path("openapi.yaml")
public final class OpenApiResource {

    /** Class-path location of the document; other modules' endpoints are documented in the same file. */
    public static final String RESOURCE = "/fr/usinesouvertes/events/openapi.yaml";

    private final byte[] document;

    public OpenApiResource() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE);
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("application/yaml; charset=UTF-8")
    public byte[] document() {
        return document.clone();
    }
}
