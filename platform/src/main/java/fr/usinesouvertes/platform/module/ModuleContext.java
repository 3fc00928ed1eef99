package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.time.Clock;

/** What a starting module can use and where it registers its contributions. */
public interface ModuleContext {

    ContentRepository repository();

    Settings settings();

    Definitions definitions();

    /** The platform's clock: fixed with {@code --clock} for demos and tests. */
    Clock clock();

    /** Sends the platform's e-mail: through SMTP when {@code smtp-host} is set, else as {@code .eml} files in {@code DATA/outbox/}. */
    MailSender mail();

    /**
     * The site's public address, the base of every absolute URL a module writes (e-mail links above all):
     * the {@code public-url} setting, else the platform's listening address; never a request's Host header.
     */
    fr.usinesouvertes.platform.http.PublicUrl publicUrl();

    /** Runs jobs on exactly one node of the cluster (or on the only node), e.g. mail sending. */
    ClusterJobs clusterJobs();

    /** Drafts and publication of the editorial workspaces (website, dam, content types): publish, status, versions. */
    fr.usinesouvertes.platform.publishing.Publishing publishing();

    /** Registers a JAX-RS resource, provider or feature (a class or an instance) under {@code /.rest/}. */
    void registerRestComponent(Object component);

    /** Makes an object available to every FreeMarker template under {@code name}, e.g. {@code eventsfn}. */
    void registerTemplatingFunctions(String name, Object functions);

    /**
     * Mounts a servlet at a path spec such as {@code /inscription/*}, for HTML pages a module serves
     * itself; a prefix spec wins over the page renderer, which answers every other path.
     */
    void registerServlet(String pathSpec, jakarta.servlet.http.HttpServlet servlet);

    /**
     * Renders a light-module template script inside the site's frame for a URL the module serves itself (e.g. a
     * form mounted with {@link #registerServlet}): the script may include the site's head, header and footer, as
     * page templates do ({@link fr.usinesouvertes.platform.module.ModulePages}).
     */
    fr.usinesouvertes.platform.module.ModulePages modulePages();

    /** Adds URLs to the site's {@code sitemap.xml} (pages the module serves, e.g. through a detail page). */
    void registerSitemapSource(fr.usinesouvertes.platform.module.SitemapSource source);

    /**
     * Opens a node-local search index fed by {@code source}: rebuilt at start, after repository
     * changes (debounced) and on demand; closed with the platform.
     */
    SearchIndex openSearchIndex(String name, SearchDocumentSource source);

    /** Back-office accounts (Oak users and groups): create, find, authenticate, list, disable. */
    fr.usinesouvertes.platform.security.Accounts accounts();

    /** Adds an app to the back office, served at {@code /admin/<name>/*} to logged-in accounts holding one of its roles. */
    void registerAdminApp(fr.usinesouvertes.platform.module.AdminApp app);

    /**
     * Makes POST, PUT, PATCH and DELETE requests under {@code pathSpec} (e.g. {@code /espace-entreprise/*})
     * need the CSRF token ({@link fr.usinesouvertes.platform.security.Csrf}); {@code /admin/*} always does.
     */
    void registerCsrfProtection(String pathSpec);
}
