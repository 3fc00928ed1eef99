package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;

/**
 * RSS 2.0 and Atom 1.0 feeds of a detail page's items (e.g. the press room's press releases), newest
 * first: {@code /feeds/<page path>.rss} and {@code .atom} in the site's default language, {@code /<locale>/feeds/...}
 * in each other language of the site's {@code i18n} ({@code /en/feeds/...} on ours; the page servlet hands those
 * over, see {@link #serve}). Every link is absolute ({@code public-url}). 404 for a page without
 * {@code parameters.detailWorkspace}.
 */
final class FeedServlet extends HttpServlet {

    static final int MAX_ITEMS = 50;

    private final transient ContentRepository repository;
    private final transient Definitions definitions;
    private final transient ChangeTime changeTime;
    private final transient PublicUrl publicUrl;

    FeedServlet(ContentRepository repository, Definitions definitions, ChangeTime changeTime, PublicUrl publicUrl) {
        this.repository = repository;
        this.definitions = definitions;
        this.changeTime = changeTime;
        this.publicUrl = publicUrl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, null, request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    /**
     * Answers the feed at {@code path} (below {@code /feeds}) in {@code language}, one of the site's locales; null:
     * the site's default one.
     */
    void serve(HttpServletRequest request, HttpServletResponse response, String language, String path)
            throws IOException {
        var registry = definitions.current();
        String base = publicUrl.baseFor(request.getServerName(), registry::isSiteDomain);
        SiteDefinition.SiteLanguages languages = registry.siteLanguages(RenderContext.hostOf(base));
        String feedLanguage = language != null ? language : languages.defaultLocale();
        FeedWriter.Format format = path.endsWith(".rss") ? FeedWriter.Format.RSS
                : path.endsWith(".atom") ? FeedWriter.Format.ATOM : null;
        if (format == null || path.contains("..")) {
            WebResourceServlet.notFound(response);
            return;
        }
        String pagePath = path.substring(0, path.lastIndexOf('.'));
        Optional<byte[]> feed = repository.read(session -> {
            SiteUrls urls = new SiteUrls(session, repository.workspaces(), registry, base);
            Optional<Node> page = urls.page(pagePath);
            if (page.isEmpty() || urls.links().detailWorkspace(page.get()) == null) {
                return Optional.<byte[]>empty();
            }
            List<Node> items = urls.detailItems(page.get());
            return Optional.of(new FeedWriter(urls, base, feedLanguage, languages)
                    .write(format, page.get(), pagePath, items.subList(0, Math.min(MAX_ITEMS, items.size()))));
        });
        if (feed.isEmpty()) {
            WebResourceServlet.notFound(response);
            return;
        }
        GeneratedAnswer.send(request, response, format.contentType(), feed.get(), changeTime);
    }
}
