package fr.usinesouvertes.events.search;

import fr.usinesouvertes.platform.search.SearchStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

/** {@code GET /.rest/search/v1}: the public search of open factories; {@code /status}: the index's state. */
@Path("search/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class SearchResource {

    private final SiteSearch search;
    private final SearchParameters parameters;

    public SearchResource(SiteSearch search, SearchParameters parameters) {
        this.search = search;
        this.parameters = parameters;
    }

    @GET
    public Map<String, Object> search(@Context UriInfo uri) {
        return search.search(parameters.read(uri.getQueryParameters()));
    }

    /** Whether a rebuild runs, its progress (done/total), the number of indexed sites. */
    @GET
    @Path("status")
    public SearchStatus status() {
        return search.index().status();
    }
}
