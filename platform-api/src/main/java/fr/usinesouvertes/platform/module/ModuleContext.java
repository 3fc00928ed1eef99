package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.security.Accounts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;

/**
 * What a starting module receives: the platform's services, and one group per place it contributes to, the way
 * Dropwizard's {@code Environment} groups them ({@link #rest()}, {@link #web()}, {@link #site()},
 * {@link #admin()}, {@link #search()}, {@link #health()}, {@link #metrics()}, {@link #lifecycle()}). Every
 * service is the platform's own instance, built once by the platform; none is ever {@code null}.
 */
public interface ModuleContext {

    ContentRepository repository();

    /** The settings as read at start; a module reads its own through the definitions it declared. */
    Settings settings();

    Definitions definitions();

    /** The platform's clock, in the site's time zone ({@code time-zone}); fixed with {@code --clock} for demos and tests. */
    Clock clock();

    /**
     * The site's public address, the base of every absolute URL a module writes (e-mail links above all):
     * the {@code public-url} setting, else the platform's listening address; never a request's Host header.
     */
    PublicUrl publicUrl();

    /** Sends the platform's e-mail: through SMTP when {@code smtp-host} is set, else as {@code .eml} files in {@code DATA/outbox/}. */
    MailSender mail();

    /** Runs jobs on exactly one node of the cluster (or on the only node), e.g. mail sending. */
    ClusterJobs jobs();

    /** Back-office accounts (Oak users and groups): create, find, authenticate, list, disable. */
    Accounts accounts();

    /** Drafts and publication of the editorial workspaces (website, dam, content types): publish, status, versions. */
    Publishing publishing();

    /** JAX-RS resources, providers and features under {@code /.rest/}. */
    Rest rest();

    /** Servlets the module mounts itself, and the paths whose forms need the CSRF token. */
    Web web();

    /** What the module adds to the public site: templating functions, sitemap entries, pages in the site's frame. */
    Site site();

    /** Apps of the back office. */
    Admin admin();

    /** Node-local full-text indexes. */
    Search search();

    /** Checks of whether this node is ready to serve, answered at {@code /.health/ready}. */
    Health health();

    /** The meters written at {@code /.metrics}, where the module adds its own. */
    Metrics metrics();

    /** Resources closed when the platform stops. */
    Lifecycle lifecycle();

    /** JAX-RS registration. */
    interface Rest {
        /** Registers a JAX-RS resource, provider or feature (a class or an instance) under {@code /.rest/}. */
        void register(Object component);
    }

    /** Servlets and CSRF protection. */
    interface Web {
        /**
         * Mounts a servlet at a path spec such as {@code /inscription/*}, for HTML pages a module serves
         * itself; a prefix spec wins over the page renderer, which answers every other path.
         */
        void servlet(String pathSpec, HttpServlet servlet);

        /**
         * Makes POST, PUT, PATCH and DELETE requests under {@code pathSpec} (e.g. {@code /espace-entreprise/*})
         * need the CSRF token ({@code security.Csrf}); {@code /admin/*} always does.
         */
        void csrfProtect(String pathSpec);
    }

    /** The public site. */
    interface Site {
        /** Makes an object available to every FreeMarker template under {@code name}, e.g. {@code eventsfn}. */
        void templatingFunctions(String name, Object functions);

        /** Adds URLs to the site's {@code sitemap.xml} (pages the module serves, e.g. through a detail page). */
        void sitemap(SitemapSource source);

        /**
         * Renders a light-module template script inside the site's frame for a URL the module serves itself (e.g. a
         * form mounted with {@link Web#servlet}): the script may include the site's head, header and footer, as page
         * templates do.
         */
        ModulePages pages();
    }

    /** The back office. */
    interface Admin {
        /** Adds an app, served at {@code /admin/<name>/*} to logged-in accounts holding one of its roles. */
        void app(AdminApp app);
    }

    /** Search indexes. */
    interface Search {
        /**
         * Opens a node-local search index fed by {@code source}: rebuilt at start, after repository
         * changes (debounced) and on demand; closed with the platform.
         */
        SearchIndex open(String name, SearchDocumentSource source);
    }

    /** Readiness checks. */
    interface Health {
        /**
         * Adds a readiness check under {@code name}: lowercase letters, digits, dots and dashes, best prefixed with
         * the module's name (e.g. {@code events.mail-queue}); a name already taken is refused with
         * {@link IllegalArgumentException}.
         */
        void register(String name, HealthCheck check);
    }

    /** Meters. */
    interface Metrics {
        /**
         * The platform's Micrometer registry, written in Prometheus' format at {@code /.metrics}: a module adds its
         * counters, gauges and timers there, named after the module (e.g. {@code events.registrations}, written
         * {@code events_registrations_total}), with tags of few values (never an id, an e-mail or a raw path).
         */
        MeterRegistry registry();
    }

    /** The module's resources. */
    interface Lifecycle {
        /**
         * Closes {@code resource} when the platform stops, after the module's {@code stop()}, in the reverse order
         * of registration; a failure to close is logged and does not keep the others open.
         */
        void manage(AutoCloseable resource);

        /**
         * Runs {@code task} once the platform serves (its HTTP server started), on a background thread, after the
         * tasks registered before it: work that would only lengthen the start, such as warming a table that the
         * first request would otherwise load. A failure is logged; what the task prepares must still work when it
         * has not run yet.
         */
        void whenServing(Runnable task);
    }
}
