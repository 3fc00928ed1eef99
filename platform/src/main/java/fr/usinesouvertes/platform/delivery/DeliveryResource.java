package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * Magnolia's Delivery API for every endpoint of the current definitions, at
 * {@code /.rest/<endpointPath>[/<path>]}: read a node ({@code GET .../home/news}), get its children
 * ({@code .../home@nodes}), or query nodes ({@code GET <endpointPath>?filters}). Endpoints are matched at
 * request time, so a reloaded light module is served at once; answers are cached until the repository
 * or the definitions change (requests with a back-office session bypass the cache), and carry an {@code ETag}.
 *
 * <p>Read node answers a node whose type is in the endpoint's {@code nodeTypes} or {@code childNodeTypes}
 * (an area or a component through a pages endpoint); any other node is 404. Get children
 * ({@code {path}@nodes}) answers a plain JSON array of the child nodes whose type is in the endpoint's
 * {@code nodeTypes} or {@code childNodeTypes}, each with the endpoint's depth, as Magnolia 6.2 does (Magnolia's
 * exact shape is unverified), paged by {@code offset} and {@code limit} when given (all children otherwise).
 *
 * <p>A path that matches no endpoint answers 404 {@code endpointNotFound} below {@code delivery/} or the
 * first folder of any endpoint; any other unknown {@code /.rest} path is a plain 404 {@code notFound},
 * as for any unknown REST resource.
 */
@Path("{requestPath: .+}")
@Produces(MediaType.APPLICATION_JSON)
public final class DeliveryResource {

    static final String CHILDREN_SUFFIX = "@nodes";
    private static final int CACHE_CAPACITY = 5_000;
    private static final long CACHE_BYTES = 32L * 1024 * 1024;

    private final ContentRepository repository;
    private final Definitions definitions;
    private final PublicUrl publicUrl;
    private final DeliveryVisibility visibility;
    private final NodeQueryExecutor queries;
    private final DraftReading drafts;
    private final DeliveryCache cache = new DeliveryCache(CACHE_CAPACITY, CACHE_BYTES);

    /**
     * @param publicUrl the platform's address: the answers are in the languages of the site of a request's host when
     *                  a site's domains name it, else of the site of this address ({@link PublicUrl#hostFor})
     * @param meters   where the answers' cache reports ({@code cache_*{cache="delivery.answers"}}); {@code null}: nowhere
     */
    public DeliveryResource(ContentRepository repository, Definitions definitions, PublicUrl publicUrl,
                            DeliveryVisibility visibility, ZoneId zone, io.micrometer.core.instrument.MeterRegistry meters) {
        this(repository, definitions, publicUrl, visibility, DraftReading.NONE, zone, meters);
    }

    DeliveryResource(ContentRepository repository, Definitions definitions, PublicUrl publicUrl,
                     DeliveryVisibility visibility, DraftReading drafts, ZoneId zone,
                     io.micrometer.core.instrument.MeterRegistry meters) {
        this.drafts = drafts;
        this.repository = repository;
        this.definitions = definitions;
        this.publicUrl = publicUrl;
        this.visibility = visibility;
        this.queries = new NodeQueryExecutor(new FilterMatcher(zone));
        repository.addChangeListener(cache::clear);
        definitions.onChange(registry -> cache.clear());
        if (meters != null) {
            cache.monitor(meters, "delivery.answers");
        }
    }

    @GET
    public Response get(@PathParam("requestPath") String requestPath, @Context UriInfo uri,
                        @Context HttpHeaders headers, @Context HttpServletRequest request) {
        EndpointRoute route = EndpointRoute.find(definitions.current().endpoints(), requestPath)
                .orElseThrow(() -> unknownEndpoint(requestPath));
        Map<String, List<String>> parameters = uri.getQueryParameters(true);
        List<String> lang = parameters.get("lang");
        var registry = definitions.current();
        String host = publicUrl.hostFor(request.getServerName(), registry::isSiteDomain);
        DeliveryLanguages languages = DeliveryLanguages.of(registry.siteLanguages(host));
        String language = languages.choose(lang != null && !lang.isEmpty() ? lang.get(0) : null,
                headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        // the host is in the key: two sites may resolve the same language's properties differently
        String key = route.endpoint().endpointPath() + '\n' + route.remainder() + '\n'
                + uri.getRequestUri().getRawQuery() + '\n' + language + '\n' + host;
        Optional<String> draftReader = drafts.reader(parameters);
        // a logged-in editor's request neither reads nor fills the cache: always what was just published
        CachedAnswer answer = CurrentAccount.of(request).isPresent() || draftReader.isPresent()
                ? answer(route, parameters, languages, language, draftReader)
                : cache.get(key, () -> answer(route, parameters, languages, language, Optional.empty()));
        return DraftReading.answer(draftReader, answer.toResponse(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE)));
    }

    /** The answer from the published copy, or from the drafts as {@code draftReader}. */
    private CachedAnswer answer(EndpointRoute route, Map<String, List<String>> parameters, DeliveryLanguages languages,
                                String language, Optional<String> draftReader) {
        DeliveryVisibility visibility = DraftReading.visibility(draftReader, this.visibility);
        ContentStage stage = DraftReading.stage(draftReader);
        DeliveryEndpointDefinition endpoint = route.endpoint();
        String path = route.remainder();
        NodeQuery query = path.isEmpty() ? NodeQueryParser.parse(parameters, endpoint) : null;
        boolean children = path.endsWith(CHILDREN_SUFFIX);
        int childrenLimit = children ? NodeQueryParser.integer(parameters, "limit", Integer.MAX_VALUE,
                NodeQueryParser.MAX_LIMIT) : 0;
        int childrenOffset = children ? NodeQueryParser.integer(parameters, "offset", 0, Integer.MAX_VALUE) : 0;
        return DraftReading.read(repository, draftReader, session -> json(json -> {
            NodeJsonWriter writer = new NodeJsonWriter(session, endpoint, repository.workspaces(), languages,
                    language, visibility, stage, definitions.current());
            Node root = NodePaths.root(session, repository.workspaces(), endpoint, stage);
            if (query != null) {
                writeQuery(json, writer, root, query, endpoint);
            } else if (children) {
                String parentPath = path.substring(0, path.length() - CHILDREN_SUFFIX.length());
                writeChildren(json, writer, NodePaths.resolve(root, parentPath, visibility), endpoint, parentPath,
                        childrenOffset, childrenLimit);
            } else {
                Node node = NodePaths.resolve(root, path, visibility);
                if (!new NodeTypeMatcher(endpoint.nodeTypes(), endpoint.strict()).matches(node)
                        && !new NodeTypeMatcher(endpoint.childNodeTypes(), endpoint.strict()).matches(node)) {
                    throw NodePaths.notFound(path);
                }
                writer.write(json, node);
            }
        }));
    }

    private void writeQuery(JsonGenerator json, NodeJsonWriter writer, Node root, NodeQuery query,
                            DeliveryEndpointDefinition endpoint) throws RepositoryException, IOException {
        NodeTypeMatcher types = new NodeTypeMatcher(endpoint.nodeTypes(), endpoint.strict());
        NodeQueryExecutor.Page page = new NodeQueryExecutor.Page(List.of(), 0);
        if (root != null) {
            Node start = root;
            if (query.ancestor() != null) {
                start = ancestor(root, query.ancestor(), writer.visibility());
            }
            if (start != null) {
                page = queries.run(start, query, types, writer.visibility());
            }
        }
        json.writeStartObject();
        json.writeArrayFieldStart("results");
        for (Node node : page.nodes()) {
            writer.write(json, node);
        }
        json.writeEndArray();
        json.writeNumberField("total", page.total());
        json.writeEndObject();
    }

    /** The {@code @ancestor} node, or {@code null} when it does not exist (no results, as Magnolia). */
    private static Node ancestor(Node root, String path, DeliveryVisibility visibility) throws RepositoryException {
        try {
            return NodePaths.resolve(root, path, visibility);
        } catch (ApiException notFound) {
            return null;
        }
    }

    private void writeChildren(JsonGenerator json, NodeJsonWriter writer, Node parent,
                               DeliveryEndpointDefinition endpoint, String parentPath, int offset, int limit)
            throws RepositoryException, IOException {
        NodeTypeMatcher results = new NodeTypeMatcher(endpoint.nodeTypes(), endpoint.strict());
        NodeTypeMatcher children = new NodeTypeMatcher(endpoint.childNodeTypes(), endpoint.strict());
        boolean isRoot = parentPath.isEmpty() || parentPath.equals("/");
        if (!isRoot && !results.matches(parent) && !children.matches(parent)) {
            throw NodePaths.notFound(parentPath);
        }
        json.writeStartArray();
        int skipped = 0;
        int written = 0;
        for (NodeIterator iterator = parent.getNodes(); iterator.hasNext() && written < limit; ) {
            Node child = iterator.nextNode();
            if ((results.matches(child) || children.matches(child))
                    && writer.visibility().isVisible(child)) {
                if (skipped < offset) {
                    skipped++;
                    continue;
                }
                writer.write(json, child);
                written++;
            }
        }
        json.writeEndArray();
    }

    private ApiException unknownEndpoint(String requestPath) {
        String first = requestPath.split("/", 2)[0];
        boolean deliveryLike = first.equals("delivery") || definitions.current().endpoints().stream()
                .anyMatch(e -> e.endpointPath().split("/", 2)[0].equals(first));
        if (!deliveryLike) {
            throw new NotFoundException("No REST resource at /.rest/" + requestPath);
        }
        return ApiException.notFound("endpointNotFound", "No delivery endpoint at /.rest/" + requestPath);
    }

    /** Work that streams JSON; checked exceptions of both kinds are allowed. */
    @FunctionalInterface
    interface JsonWork {
        void write(JsonGenerator json) throws RepositoryException, IOException;
    }

    static CachedAnswer json(JsonWork work) throws RepositoryException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = JsonMapper.mapper().getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            work.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CachedAnswer.of(bytes.toByteArray());
    }
}
