package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;

/**
 * {@code GET /.rest/template-annotations/v1/{pagePath}}: the page editor's annotations of a page of the
 * {@code website} workspace, as Magnolia's Pages module (6.2.17+) answers them for SPAs (see
 * {@link TemplateAnnotations}), of the published page or, with a preview token, of its draft (see
 * {@link DraftReading}). Unknown page, or a node that is not a page: 404 {@code pathNotFound}.
 */
@Path("template-annotations/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class TemplateAnnotationsResource {

    private final ContentRepository repository;
    private final Definitions definitions;
    private final DeliveryVisibility visibility;
    private final DraftReading drafts;

    public TemplateAnnotationsResource(ContentRepository repository, Definitions definitions,
                                       DeliveryVisibility visibility) {
        this(repository, definitions, visibility, DraftReading.NONE);
    }

    TemplateAnnotationsResource(ContentRepository repository, Definitions definitions,
                                DeliveryVisibility visibility, DraftReading drafts) {
        this.repository = repository;
        this.definitions = definitions;
        this.visibility = visibility;
        this.drafts = drafts;
    }

    @GET
    @Path("{pagePath: .*}")
    public Response get(@PathParam("pagePath") String pagePath, @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<String> draftReader = drafts.reader(uri.getQueryParameters(true));
        CachedAnswer answer = DraftReading.read(repository, draftReader, session -> {
            String root = DraftReading.stage(draftReader).toJcrPath(session, repository.workspaces(), "website", "/");
            Node page = NodePaths.resolve(session.nodeExists(root) ? session.getNode(root) : null, pagePath,
                    DraftReading.visibility(draftReader, visibility));
            if (!page.isNodeType("mgnl:page")) {
                throw NodePaths.notFound(pagePath);
            }
            Map<String, String> annotations = TemplateAnnotations.of(page, definitions.current(),
                    repository.workspaces());
            return DeliveryResource.json(json -> {
                json.writeStartObject();
                for (Map.Entry<String, String> entry : annotations.entrySet()) {
                    json.writeStringField(entry.getKey(), entry.getValue());
                }
                json.writeEndObject();
            });
        });
        return DraftReading.answer(draftReader, answer.toResponse(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH)));
    }
}
